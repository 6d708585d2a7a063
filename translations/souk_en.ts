<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ReviewText</name>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="89"/>
        <source>%Ln payment(s) with this card in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln payment with this card in the last hour</numerusform>
            <numerusform>%Ln payments with this card in the last hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="91"/>
        <source>%Ln payment(s) with this card in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln payment with this card in the last 24 hours</numerusform>
            <numerusform>%Ln payments with this card in the last 24 hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="93"/>
        <source>%Ln declined payment(s) with this card in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln declined payment with this card in the last 24 hours</numerusform>
            <numerusform>%Ln declined payments with this card in the last 24 hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="95"/>
        <source>%Ln payment(s) with this email address in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln payment with this email address in the last hour</numerusform>
            <numerusform>%Ln payments with this email address in the last hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="97"/>
        <source>%Ln payment(s) from this IP address in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln payment from this IP address in the last hour</numerusform>
            <numerusform>%Ln payments from this IP address in the last hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="99"/>
        <source>%Ln card(s) used from this IP address in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln card used from this IP address in the last hour</numerusform>
            <numerusform>%Ln cards used from this IP address in the last hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="101"/>
        <source>%Ln payment(s) from this device in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln payment from this device in the last hour</numerusform>
            <numerusform>%Ln payments from this device in the last hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="103"/>
        <source>%Ln card(s) used on this device in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>%Ln card used on this device in the last 24 hours</numerusform>
            <numerusform>%Ln cards used on this device in the last 24 hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VariantTableModel</name>
    <message numerus="yes">
        <location filename="../models/catalog/VariantCell.cpp" line="43"/>
        <source>%1 allows at most %n decimal place(s).</source>
        <extracomment>%1 is a currency code such as EUR</extracomment>
        <translation>
            <numerusform>%1 allows at most %n decimal place.</numerusform>
            <numerusform>%1 allows at most %n decimal places.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::AddUserDialog</name>
    <message numerus="yes">
        <location filename="../views/people/AddUserDialog.cpp" line="113"/>
        <source>At least %n characters. Leave it empty and Souk makes a one-time password, shown to you once, for you to hand over.</source>
        <translation>
            <numerusform>At least %n character. Leave it empty and Souk makes a one-time password, shown to you once, for you to hand over.</numerusform>
            <numerusform>At least %n characters. Leave it empty and Souk makes a one-time password, shown to you once, for you to hand over.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AddUserDialog.cpp" line="168"/>
        <location filename="../views/people/AddUserDialog.cpp" line="238"/>
        <source>At least %n characters, or leave it empty for a one-time password.</source>
        <translation>
            <numerusform>At least %n character, or leave it empty for a one-time password.</numerusform>
            <numerusform>At least %n characters, or leave it empty for a one-time password.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AddUserDialog.cpp" line="233"/>
        <source>Use letters, digits and . _ @ - only, at most %n characters.</source>
        <translation>
            <numerusform>Use letters, digits and . _ @ - only, at most %n character.</numerusform>
            <numerusform>Use letters, digits and . _ @ - only, at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::AuditPage</name>
    <message numerus="yes">
        <location filename="../views/people/AuditPage.cpp" line="370"/>
        <source>All %Ln entries match their hash chain.</source>
        <translation>
            <numerusform>The %Ln entry matches its hash chain.</numerusform>
            <numerusform>All %Ln entries match their hash chain.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AuditPage.cpp" line="406"/>
        <source>The newest %Ln entries; older ones load as you scroll down.</source>
        <translation>
            <numerusform>The newest %Ln entry; older ones load as you scroll down.</numerusform>
            <numerusform>The newest %Ln entries; older ones load as you scroll down.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AuditPage.cpp" line="408"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::BulkEditController</name>
    <message numerus="yes">
        <location filename="../views/catalog/BulkEditController.cpp" line="31"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalog/BulkEditController.cpp" line="36"/>
        <source>%Ln variant(s)</source>
        <translation>
            <numerusform>%Ln variant</numerusform>
            <numerusform>%Ln variants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::CatalogPage</name>
    <message numerus="yes">
        <location filename="../views/catalog/CatalogPage.cpp" line="323"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalog/CatalogPage.cpp" line="325"/>
        <source>%1 of %Ln product(s)</source>
        <extracomment>%1 = products shown (e.g. &quot;1,234&quot;); %Ln = all products (&quot;100,000 products&quot;)</extracomment>
        <translation>
            <numerusform>%1 of %Ln product</numerusform>
            <numerusform>%1 of %Ln products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ClusterMonitor</name>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="93"/>
        <source>no answer for %n seconds</source>
        <translation>
            <numerusform>no answer for %n second</numerusform>
            <numerusform>no answer for %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="233"/>
        <source>dead: no answer for %n seconds</source>
        <translation>
            <numerusform>dead: no answer for %n second</numerusform>
            <numerusform>dead: no answer for %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="247"/>
        <source>%1 % of requests failed in the last %n seconds</source>
        <translation>
            <numerusform>%1 % of requests failed in the last %n second</numerusform>
            <numerusform>%1 % of requests failed in the last %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="253"/>
        <source>%n provider calls need a person (dead letters)</source>
        <translation>
            <numerusform>%n provider call needs a person (dead letter)</numerusform>
            <numerusform>%n provider calls need a person (dead letters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ClusterNodeModel</name>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="79"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="81"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="135"/>
        <source>Metrics answered in %n ms</source>
        <translation>
            <numerusform>Metrics answered in %n ms</numerusform>
            <numerusform>Metrics answered in %n ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ClusterPage</name>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="210"/>
        <source>%1 of %n nodes live</source>
        <extracomment>the cluster&apos;s summary: %1 nodes answering out of %n</extracomment>
        <translation>
            <numerusform>%1 of %n node live</numerusform>
            <numerusform>%1 of %n nodes live</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="212"/>
        <source>%n suspect</source>
        <translation>
            <numerusform>%n suspect</numerusform>
            <numerusform>%n suspect</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="214"/>
        <source>%n dead</source>
        <translation>
            <numerusform>%n dead</numerusform>
            <numerusform>%n dead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="258"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ConnectDialog</name>
    <message numerus="yes">
        <location filename="../views/connect/ConnectFlow.cpp" line="100"/>
        <source>A connection holds at most %n nodes.</source>
        <translation>
            <numerusform>A connection holds at most %n node.</numerusform>
            <numerusform>A connection holds at most %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/connect/ConnectFlow.cpp" line="271"/>
        <source>None of the %n nodes answered. Check the addresses and that the nodes run.</source>
        <translation>
            <numerusform>The node did not answer. Check the address and that the node runs.</numerusform>
            <numerusform>None of the %n nodes answered. Check the addresses and that the nodes run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/connect/ConnectFlow.cpp" line="304"/>
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/connect/ConnectDialog.cpp" line="276"/>
        <source>%1 and %n more</source>
        <extracomment>a recent connection to a cluster; %1 = its first node&apos;s URL, %n = how many more nodes</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::CreateApiKeyDialog</name>
    <message numerus="yes">
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="125"/>
        <source>At most %n characters.</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::DecisionDialog</name>
    <message numerus="yes">
        <location filename="../views/risk/DecisionDialog.cpp" line="25"/>
        <source>Approve %n review(s)? The payment is captured and the order goes ahead.</source>
        <translation>
            <numerusform>Approve %n review? The payment is captured and the order goes ahead.</numerusform>
            <numerusform>Approve %n reviews? The payments are captured and the orders go ahead.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/DecisionDialog.cpp" line="28"/>
        <source>Decline %n review(s)? The payment is voided, the order cancelled and the goods restocked.</source>
        <translation>
            <numerusform>Decline %n review? The payment is voided, the order cancelled and the goods restocked.</numerusform>
            <numerusform>Decline %n reviews? The payments are voided, the orders cancelled and the goods restocked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/DecisionDialog.cpp" line="32"/>
        <source>Mark %n review(s) as fraud? The payment is voided, the order cancelled and the payment labelled fraud.</source>
        <translation>
            <numerusform>Mark %n review as fraud? The payment is voided, the order cancelled and the payment labelled fraud.</numerusform>
            <numerusform>Mark %n reviews as fraud? The payments are voided, the orders cancelled and the payments labelled fraud.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ImportPreviewModel</name>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="64"/>
        <source>%Ln variant(s) have no SKU in the file. Souk gives each one a SKU made of the product handle and its option values, such as “%1”, so importing the file again updates the same variants.</source>
        <comment>import preview</comment>
        <extracomment>%1 = an example of such a SKU, e.g. &quot;classic-tee-s-blue&quot;</extracomment>
        <translation>
            <numerusform>%Ln variant has no SKU in the file. Souk gives it a SKU made of the product handle and its option values, “%1”, so importing the file again updates the same variant.</numerusform>
            <numerusform>%Ln variants have no SKU in the file. Souk gives each one a SKU made of the product handle and its option values, such as “%1”, so importing the file again updates the same variants.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="70"/>
        <source>%Ln variant(s) have stock below zero in the file (sold while out of stock); their stock starts at 0 in Souk.</source>
        <comment>import preview</comment>
        <translation>
            <numerusform>%Ln variant has stock below zero in the file (sold while out of stock); its stock starts at 0 in Souk.</numerusform>
            <numerusform>%Ln variants have stock below zero in the file (sold while out of stock); their stock starts at 0 in Souk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="112"/>
        <source>%Ln product(s)</source>
        <comment>import summary</comment>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="113"/>
        <source>%Ln variant(s)</source>
        <comment>import summary</comment>
        <translation>
            <numerusform>%Ln variant</numerusform>
            <numerusform>%Ln variants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="114"/>
        <source>%Ln row(s)</source>
        <comment>import summary</comment>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="121"/>
        <source>%Ln row(s) have problems. Fix the file and choose it again; nothing has been imported.</source>
        <translation>
            <numerusform>%Ln row has problems. Fix the file and choose it again; nothing has been imported.</numerusform>
            <numerusform>%Ln rows have problems. Fix the file and choose it again; nothing has been imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ListsTab</name>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="226"/>
        <source>%n value(s)</source>
        <extracomment>values of the selected list; %1 shown by the filter, %n all</extracomment>
        <translation>
            <numerusform>%n value</numerusform>
            <numerusform>%n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="227"/>
        <source>%1 of %n value(s)</source>
        <translation>
            <numerusform>%1 of %n value</numerusform>
            <numerusform>%1 of %n values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="254"/>
        <source>Added %n new value(s) to %1.</source>
        <extracomment>%1 a list&apos;s name (@blocked_emails); %n values that were new to it</extracomment>
        <translation>
            <numerusform>Added %n new value to %1.</numerusform>
            <numerusform>Added %n new values to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="275"/>
        <source>Remove %n value(s) from %1?</source>
        <translation>
            <numerusform>Remove %n value from %1?</numerusform>
            <numerusform>Remove %n values from %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="286"/>
        <source>Removed %n value(s) from %1.</source>
        <translation>
            <numerusform>Removed %n value from %1.</numerusform>
            <numerusform>Removed %n values from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ModelListModel</name>
    <message numerus="yes">
        <location filename="../models/risk/ModelListModel.cpp" line="226"/>
        <source>%Ln payment(s) learned from</source>
        <translation>
            <numerusform>%Ln payment learned from</numerusform>
            <numerusform>%Ln payments learned from</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::MovementHistoryDialog</name>
    <message numerus="yes">
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="100"/>
        <source>%Ln movement(s)</source>
        <translation>
            <numerusform>%Ln movement</numerusform>
            <numerusform>%Ln movements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::OrdersPage</name>
    <message numerus="yes">
        <location filename="../views/orders/OrdersPage.cpp" line="303"/>
        <source>Paused (%n changed)</source>
        <extracomment>the live table is paused; %n orders changed meanwhile</extracomment>
        <translation>
            <numerusform>Paused (%n changed)</numerusform>
            <numerusform>Paused (%n changed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/orders/OrdersPage.cpp" line="319"/>
        <source>↑ %n new order(s)</source>
        <extracomment>the live orders table holds still while the user reads it; %n newer orders wait above</extracomment>
        <translation>
            <numerusform>↑ %n new order</numerusform>
            <numerusform>↑ %n new orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ReviewDetailPanel</name>
    <message numerus="yes">
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="116"/>
        <source>Customer and linked payments (%n)</source>
        <translation>
            <numerusform>Customer and linked payments (%n)</numerusform>
            <numerusform>Customer and linked payments (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ReviewRelatedView</name>
    <message numerus="yes">
        <location filename="../views/risk/ReviewRelatedView.cpp" line="85"/>
        <source>&lt;b&gt;The customer&lt;/b&gt;&lt;br&gt;%1: %n other payment(s) since %2</source>
        <extracomment>%1 email; %n other payments; %2 the date of the first</extracomment>
        <translation>
            <numerusform>&lt;b&gt;The customer&lt;/b&gt;&lt;br&gt;%1: %n other payment since %2</numerusform>
            <numerusform>&lt;b&gt;The customer&lt;/b&gt;&lt;br&gt;%1: %n other payments since %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ReviewRelatedView.cpp" line="99"/>
        <source>&lt;b&gt;Linked payments&lt;/b&gt; (%n sharing the card, email, device or IP)</source>
        <translation>
            <numerusform>&lt;b&gt;Linked payments&lt;/b&gt; (%n sharing the card, email, device or IP)</numerusform>
            <numerusform>&lt;b&gt;Linked payments&lt;/b&gt; (%n sharing the card, email, device or IP)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::ReviewsPage</name>
    <message numerus="yes">
        <location filename="../views/risk/ReviewsPage.cpp" line="334"/>
        <source>Decided %n review(s).</source>
        <translation>
            <numerusform>Decided %n review.</numerusform>
            <numerusform>Decided %n reviews.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::RulesTab</name>
    <message numerus="yes">
        <location filename="../views/risk/RulesTab.cpp" line="300"/>
        <source>%n problem(s): the rules can be saved once they parse.</source>
        <translation>
            <numerusform>%n problem: the rules can be saved once they parse.</numerusform>
            <numerusform>%n problems: the rules can be saved once they parse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::SignInDialog</name>
    <message numerus="yes">
        <location filename="../views/people/SignInDialog.cpp" line="133"/>
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::TotpSetupDialog</name>
    <message numerus="yes">
        <location filename="../views/people/TotpSetupDialog.cpp" line="77"/>
        <source>&lt;b&gt;2.&lt;/b&gt; Enter the %n-digit code the app shows:</source>
        <translation>
            <numerusform>&lt;b&gt;2.&lt;/b&gt; Enter the %n-digit code the app shows:</numerusform>
            <numerusform>&lt;b&gt;2.&lt;/b&gt; Enter the %n-digit code the app shows:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/TotpSetupDialog.cpp" line="180"/>
        <source>Enter the %n digits the app shows.</source>
        <translation>
            <numerusform>Enter the %n digit the app shows.</numerusform>
            <numerusform>Enter the %n digits the app shows.</numerusform>
        </translation>
    </message>
</context>
</TS>
