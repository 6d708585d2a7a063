#include <QGuiApplication>
#include <QTest>

#include "models/common/Theme.h"

using namespace souk;
using theme::Tone;

Q_DECLARE_METATYPE(souk::theme::Tone)

/// The palette-aware colours: every tone reads at 4.5:1 or more (WCAG 2 AA for body text) in the
/// light and the dark palette, and on a desktop palette we did not pick; the dark ones differ
/// from the light ones.
class TestTheme final : public QObject
{
    Q_OBJECT

private slots:
    void contrastRatioMatchesWcag();
    void darkPaletteIsDark();
    void tintsReadInBothPalettes_data();
    void tintsReadInBothPalettes();
    void textReadsOnOddPalettes_data();
    void textReadsOnOddPalettes();

private:
    /// The platform's default palette (offscreen: light), as the console starts with.
    static QPalette lightPalette() { return QGuiApplication::palette(); }
};

void TestTheme::contrastRatioMatchesWcag()
{
    // vectors from the WCAG 2 definition: black on white is 21:1, a colour on itself 1:1
    QCOMPARE(qRound(theme::contrastRatio(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(theme::contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    // #767676 on white is the lightest grey that passes AA (4.54:1)
    QCOMPARE(qRound(theme::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
}

void TestTheme::darkPaletteIsDark()
{
    QVERIFY(theme::isDark(theme::darkPalette()));
    QVERIFY(!theme::isDark(lightPalette()));
    const QPalette dark = theme::darkPalette();
    const auto contrast = [&dark](QPalette::ColorRole fg, QPalette::ColorRole bg) {
        return theme::contrastRatio(dark.color(fg), dark.color(bg));
    };
    QVERIFY(contrast(QPalette::WindowText, QPalette::Window) >= 7);
    QVERIFY(contrast(QPalette::Text, QPalette::Base) >= 7);
    QVERIFY(contrast(QPalette::Text, QPalette::AlternateBase) >= 7);
    QVERIFY(contrast(QPalette::ButtonText, QPalette::Button) >= 7);
    QVERIFY(contrast(QPalette::HighlightedText, QPalette::Highlight) >= theme::TextContrastMin);
    QVERIFY(contrast(QPalette::PlaceholderText, QPalette::Window) >= theme::TextContrastMin); // captions, hints
    QVERIFY(contrast(QPalette::PlaceholderText, QPalette::Base) >= theme::TextContrastMin);
    QVERIFY(contrast(QPalette::Link, QPalette::Base) >= theme::TextContrastMin);
}

void TestTheme::tintsReadInBothPalettes_data()
{
    QTest::addColumn<Tone>("tone");
    QTest::addRow("error") << Tone::Error;
    QTest::addRow("warning") << Tone::Warning;
    QTest::addRow("success") << Tone::Success;
    QTest::addRow("info") << Tone::Info;
}

void TestTheme::tintsReadInBothPalettes()
{
    QFETCH(Tone, tone);
    const QPalette light = lightPalette();
    const QPalette dark = theme::darkPalette();
    const theme::Tint onLight = theme::tint(tone, light);
    const theme::Tint onDark = theme::tint(tone, dark);
    QVERIFY(theme::contrastRatio(onLight.text, onLight.background) >= theme::TextContrastMin);
    QVERIFY(theme::contrastRatio(onDark.text, onDark.background) >= theme::TextContrastMin);
    QVERIFY(onLight.background != onDark.background);
    QVERIFY(onLight.text != onDark.text);
    // a dark tint stays dark: no pale panel in a dark window
    QVERIFY(theme::luminance(onDark.background) < 0.1);
    for (const QPalette& p : {light, dark}) {
        const QColor text = theme::text(tone, p);
        QVERIFY(theme::contrastRatio(text, p.color(QPalette::Window)) >= theme::TextContrastMin);
        QVERIFY(theme::contrastRatio(text, p.color(QPalette::Base)) >= theme::TextContrastMin);
    }
    QVERIFY(theme::text(tone, light) != theme::text(tone, dark));
}

void TestTheme::textReadsOnOddPalettes_data()
{
    QTest::addColumn<QColor>("window");
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("windowText");
    QTest::addRow("mid grey") << QColor(0x80, 0x80, 0x80) << QColor(0x90, 0x90, 0x90) << QColor(Qt::black);
    QTest::addRow("black") << QColor(Qt::black) << QColor(Qt::black) << QColor(Qt::white);
    QTest::addRow("navy") << QColor(0x10, 0x18, 0x40) << QColor(0x18, 0x20, 0x50) << QColor(0xf0, 0xf0, 0xf0);
    QTest::addRow("cream") << QColor(0xff, 0xf8, 0xe0) << QColor(Qt::white) << QColor(0x20, 0x20, 0x20);
}

void TestTheme::textReadsOnOddPalettes()
{
    QFETCH(QColor, window);
    QFETCH(QColor, base);
    QFETCH(QColor, windowText);
    QPalette p = lightPalette();
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::WindowText, windowText);
    for (const Tone tone : {Tone::Error, Tone::Warning, Tone::Success, Tone::Info}) {
        const QColor text = theme::text(tone, p);
        QVERIFY2(theme::contrastRatio(text, window) >= theme::TextContrastMin, qPrintable(text.name()));
        QVERIFY2(theme::contrastRatio(text, base) >= theme::TextContrastMin, qPrintable(text.name()));
        const theme::Tint tint = theme::tint(tone, p);
        QVERIFY(theme::contrastRatio(tint.text, tint.background) >= theme::TextContrastMin);
    }
}

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
