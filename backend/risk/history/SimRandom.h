#pragma once

#include <cmath>

#include <QString>

/// Private to the fraud simulator.
namespace souk::risk::sim {

/// xoshiro256** seeded through splitmix64: the same seed gives the same numbers on every platform
/// (std::*_distribution does not promise that). normal() uses libm's log and cos. Not thread-safe.
class SimRandom
{
public:
    explicit SimRandom(quint64 seed)
    {
        for (quint64& word : m_state) {
            seed += 0x9E3779B97F4A7C15ull;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            word = z ^ (z >> 31);
        }
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }
    /// [0, 1)
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    /// [0, n), n > 0 (multiply-shift; the bias is below 2^-40 for the n used here)
    qint64 below(qint64 n) { return qint64(Wide(next()) * quint64(n) >> 64); }
    /// [lo, hi]
    qint64 between(qint64 lo, qint64 hi) { return lo + below(hi - lo + 1); }
    bool chance(double p) { return unit() < p; }
    /// A standard normal variate (Box-Muller, one of the pair).
    double normal() { return std::sqrt(-2.0 * std::log(1.0 - unit())) * std::cos(6.283185307179586 * unit()); }
    /// `chars` lower-case hex digits.
    QString hex(int chars)
    {
        QString out(chars, Qt::Uninitialized);
        quint64 bits = 0;
        for (int i = 0; i < chars; ++i, bits >>= 4) {
            if (i % 16 == 0)
                bits = next();
            out[i] = QChar(u"0123456789abcdef"[bits & 15]);
        }
        return out;
    }

private:
    __extension__ using Wide = unsigned __int128;
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_state[4];
};

} // namespace souk::risk::sim
