<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustmentCheck</name>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="39"/>
        <source>Say why the stock is adjusted, e.g. &quot;counted&quot; or &quot;damaged&quot;.</source>
        <translation>请填写调整原因，例如“盘点”或“损坏”。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="41"/>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="59"/>
        <source>Enter a quantity.</source>
        <translation>请输入数量。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="61"/>
        <source>Enter a whole number: 5 adds stock, -3 removes it.</source>
        <translation>请输入整数：5 表示增加库存，-3 表示减少库存。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="62"/>
        <source>Enter a whole number of units, e.g. 5.</source>
        <translation>请输入整数件数，例如 5。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="64"/>
        <source>The quantity must not be zero.</source>
        <translation>数量不能为零。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="66"/>
        <source>Enter a positive number. To remove stock, choose Adjusted.</source>
        <translation>请输入正数。如需减少库存，请选择“盘点调整”。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="68"/>
        <source>At most %1 units at a time.</source>
        <translation>每次最多 %1 件。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="71"/>
        <source>Only %1 on hand here; you cannot remove more.</source>
        <extracomment>%1 = units on hand at the location</extracomment>
        <translation>此仓库仅有 %1 件在库，无法减少更多。</translation>
    </message>
    <message>
        <location filename="../models/inventory/AdjustmentCheck.cpp" line="74"/>
        <source>Only %1 available here (%2 reserved for orders); you cannot remove more.</source>
        <extracomment>%1 = units available, %2 = units reserved for orders</extracomment>
        <translation>此仓库仅有 %1 件可售（另有 %2 件已为订单预留），无法减少更多。</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <location filename="../models/people/AuditText.cpp" line="39"/>
        <source>List merchants</source>
        <comment>audit operation</comment>
        <translation>查看商家列表</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="40"/>
        <source>List locations</source>
        <comment>audit operation</comment>
        <translation>查看仓库列表</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="41"/>
        <source>Read catalog</source>
        <comment>audit operation</comment>
        <translation>查看商品目录</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="42"/>
        <source>Search products</source>
        <comment>audit operation</comment>
        <translation>搜索商品</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="43"/>
        <source>Save product</source>
        <comment>audit operation</comment>
        <translation>保存商品</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="44"/>
        <source>Edit product</source>
        <comment>audit operation</comment>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="45"/>
        <source>Undo product edit</source>
        <comment>audit operation</comment>
        <translation>撤销商品编辑</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="46"/>
        <source>Bulk edit products</source>
        <comment>audit operation</comment>
        <translation>批量编辑商品</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="47"/>
        <source>Undo bulk edit</source>
        <comment>audit operation</comment>
        <translation>撤销批量编辑</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="48"/>
        <source>Read stock</source>
        <comment>audit operation</comment>
        <translation>查看库存</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="49"/>
        <source>Adjust stock</source>
        <comment>audit operation</comment>
        <translation>调整库存</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="51"/>
        <source>Check import file</source>
        <comment>audit operation</comment>
        <translation>检查导入文件</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="52"/>
        <source>Import catalog</source>
        <comment>audit operation</comment>
        <translation>导入商品目录</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="53"/>
        <source>Export catalog</source>
        <comment>audit operation</comment>
        <translation>导出商品目录</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="54"/>
        <source>Create customer</source>
        <comment>audit operation</comment>
        <translation>创建客户</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="55"/>
        <source>Set merchant terms</source>
        <comment>audit operation</comment>
        <translation>设置商家条款</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="56"/>
        <source>Add discount code</source>
        <comment>audit operation</comment>
        <translation>添加优惠码</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="57"/>
        <source>Create order</source>
        <comment>audit operation</comment>
        <translation>创建订单</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="58"/>
        <source>Cancel order</source>
        <comment>audit operation</comment>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="60"/>
        <source>Advance order</source>
        <comment>audit operation</comment>
        <translation>推进订单状态</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="61"/>
        <source>Read orders</source>
        <comment>audit operation</comment>
        <translation>查看订单</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="62"/>
        <source>Checkout</source>
        <comment>audit operation</comment>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="63"/>
        <source>Authorize payment</source>
        <comment>audit operation</comment>
        <translation>授权支付</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="64"/>
        <source>Capture payment</source>
        <comment>audit operation</comment>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="65"/>
        <source>Void payment</source>
        <comment>audit operation</comment>
        <translation>撤销支付授权</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="66"/>
        <source>Refund payment</source>
        <comment>audit operation</comment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="67"/>
        <source>Open dispute</source>
        <comment>audit operation</comment>
        <translation>发起争议</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="68"/>
        <source>Submit dispute evidence</source>
        <comment>audit operation</comment>
        <translation>提交争议证据</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="69"/>
        <source>Resolve dispute</source>
        <comment>audit operation</comment>
        <translation>裁决争议</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="70"/>
        <source>Pay out</source>
        <comment>audit operation</comment>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="71"/>
        <source>Read payouts</source>
        <comment>audit operation</comment>
        <translation>查看结算</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="72"/>
        <source>Read ledger</source>
        <comment>audit operation</comment>
        <translation>查看账本</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="73"/>
        <source>Run maintenance</source>
        <comment>audit operation</comment>
        <translation>执行维护</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="74"/>
        <source>Check store</source>
        <comment>audit operation</comment>
        <translation>检查数据文件</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="75"/>
        <source>Sign in</source>
        <comment>audit operation</comment>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="76"/>
        <source>Sign out</source>
        <comment>audit operation</comment>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="77"/>
        <source>Change password</source>
        <comment>audit operation</comment>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="78"/>
        <source>List users</source>
        <comment>audit operation</comment>
        <translation>查看用户列表</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="79"/>
        <source>Add user</source>
        <comment>audit operation</comment>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="80"/>
        <source>Disable user</source>
        <comment>audit operation</comment>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="82"/>
        <source>Reset two-factor sign-in</source>
        <comment>audit operation</comment>
        <translation>重置两步验证</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="83"/>
        <source>Set up two-factor sign-in</source>
        <comment>audit operation</comment>
        <translation>设置两步验证</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="84"/>
        <source>List API keys</source>
        <comment>audit operation</comment>
        <translation>查看 API 密钥</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="85"/>
        <source>Create API key</source>
        <comment>audit operation</comment>
        <translation>创建 API 密钥</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="86"/>
        <source>Revoke API key</source>
        <comment>audit operation</comment>
        <translation>吊销 API 密钥</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="87"/>
        <source>Read audit log</source>
        <comment>audit operation</comment>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="88"/>
        <source>Verify audit log</source>
        <comment>audit operation</comment>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="89"/>
        <source>Read risk rules</source>
        <comment>audit operation</comment>
        <translation>查看风控规则</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="90"/>
        <source>Save risk rules</source>
        <comment>audit operation</comment>
        <translation>保存风控规则</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="91"/>
        <source>Activate risk rules</source>
        <comment>audit operation</comment>
        <translation>启用风控规则</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="93"/>
        <source>Shadow risk rules</source>
        <comment>audit operation</comment>
        <translation>影子运行风控规则</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="94"/>
        <source>Read risk lists</source>
        <comment>audit operation</comment>
        <translation>查看风控名单</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="95"/>
        <source>Create risk list</source>
        <comment>audit operation</comment>
        <translation>创建风控名单</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="96"/>
        <source>Add to risk list</source>
        <comment>audit operation</comment>
        <translation>加入风控名单</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="97"/>
        <source>Remove from risk list</source>
        <comment>audit operation</comment>
        <translation>移出风控名单</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="98"/>
        <source>Read fraud reviews</source>
        <comment>audit operation</comment>
        <translation>查看欺诈审核</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="99"/>
        <source>Claim fraud review</source>
        <comment>audit operation</comment>
        <translation>认领欺诈审核</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="100"/>
        <source>Release fraud review</source>
        <comment>audit operation</comment>
        <translation>释放欺诈审核</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="101"/>
        <source>Decide fraud review</source>
        <comment>audit operation</comment>
        <translation>裁决欺诈审核</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="102"/>
        <source>Read payment risk</source>
        <comment>audit operation</comment>
        <translation>查看支付风险</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="103"/>
        <source>Backtest risk rules</source>
        <comment>audit operation</comment>
        <translation>回测风控规则</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="104"/>
        <source>Read risk models</source>
        <comment>audit operation</comment>
        <translation>查看风控模型</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="105"/>
        <source>Train risk model</source>
        <comment>audit operation</comment>
        <translation>训练风控模型</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="106"/>
        <source>Activate risk model</source>
        <comment>audit operation</comment>
        <translation>启用风控模型</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="115"/>
        <source>Succeeded</source>
        <comment>audit outcome</comment>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="116"/>
        <source>Invalid input</source>
        <comment>audit outcome</comment>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="117"/>
        <source>Not found</source>
        <comment>audit outcome</comment>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="118"/>
        <source>Refused by the current state</source>
        <comment>audit outcome</comment>
        <translation>当前状态不允许</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="119"/>
        <source>Already exists</source>
        <comment>audit outcome</comment>
        <translation>已存在</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="120"/>
        <source>Changed meanwhile</source>
        <comment>audit outcome</comment>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="121"/>
        <source>Amount out of range</source>
        <comment>audit outcome</comment>
        <translation>金额超出范围</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="122"/>
        <source>Store in use elsewhere</source>
        <comment>audit outcome</comment>
        <translation>数据文件被占用</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="123"/>
        <source>Store damaged</source>
        <comment>audit outcome</comment>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="124"/>
        <source>Store from a newer version</source>
        <comment>audit outcome</comment>
        <translation>数据文件版本过新</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="125"/>
        <source>Store read-only</source>
        <comment>audit outcome</comment>
        <translation>数据文件只读</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="126"/>
        <source>Storage error</source>
        <comment>audit outcome</comment>
        <translation>存储错误</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="127"/>
        <source>Cancelled</source>
        <comment>audit outcome</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="128"/>
        <source>Unavailable</source>
        <comment>audit outcome</comment>
        <translation>暂不可用</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="129"/>
        <source>Internal error</source>
        <comment>audit outcome</comment>
        <translation>内部错误</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="130"/>
        <source>Not possible in this state</source>
        <comment>audit outcome</comment>
        <translation>当前状态下无法执行</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="131"/>
        <source>Request key reused</source>
        <comment>audit outcome</comment>
        <translation>请求标识重复</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="132"/>
        <source>Not enough stock</source>
        <comment>audit outcome</comment>
        <translation>库存不足</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="133"/>
        <source>Invalid card</source>
        <comment>audit outcome</comment>
        <translation>银行卡无效</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="134"/>
        <source>Still in progress</source>
        <comment>audit outcome</comment>
        <translation>仍在处理中</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="136"/>
        <source>Not authenticated</source>
        <comment>audit outcome</comment>
        <translation>未通过身份验证</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="138"/>
        <source>Not allowed</source>
        <comment>audit outcome</comment>
        <translation>无权限</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="139"/>
        <source>Account locked</source>
        <comment>audit outcome</comment>
        <translation>账号已锁定</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="159"/>
        <source>Owner</source>
        <comment>user role</comment>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="160"/>
        <source>Staff</source>
        <comment>user role</comment>
        <translation>店员</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="161"/>
        <source>Support</source>
        <comment>user role</comment>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="162"/>
        <source>Operator</source>
        <comment>user role</comment>
        <translation>运维</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="163"/>
        <source>Administrator</source>
        <comment>user role</comment>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="172"/>
        <source>Store file on this computer</source>
        <comment>how someone signed in</comment>
        <translation>本机数据文件</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="173"/>
        <source>Password sign-in</source>
        <comment>how someone signed in</comment>
        <translation>密码登录</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="174"/>
        <source>API key</source>
        <comment>how someone signed in</comment>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="175"/>
        <source>Not signed in</source>
        <comment>how someone signed in</comment>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="211"/>
        <source>Signed in via: %1</source>
        <extracomment>tooltip line of an audit entry; %1 how the user signed in (&quot;Password sign-in&quot;)</extracomment>
        <translation>登录方式：%1</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="214"/>
        <source>From: %1</source>
        <extracomment>tooltip line of an audit entry; %1 where the request came from (&quot;local&quot;, a node and address)</extracomment>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="217"/>
        <source>Credential: %1</source>
        <extracomment>tooltip line of an audit entry; %1 the id of the session or API key used</extracomment>
        <translation>凭据：%1</translation>
    </message>
    <message>
        <location filename="../models/people/AuditText.cpp" line="220"/>
        <source>Detail: %1</source>
        <extracomment>tooltip line of an audit entry; %1 the store&apos;s technical message on a failure</extracomment>
        <translation>详细信息：%1</translation>
    </message>
</context>
<context>
    <name>BulkEditInput</name>
    <message>
        <location filename="../models/catalog/BulkEditInput.cpp" line="26"/>
        <source>Enter an amount, for example 2.50 or -1.00.</source>
        <translation>请输入金额，例如 2.50 或 -1.00。</translation>
    </message>
    <message>
        <location filename="../models/catalog/BulkEditInput.cpp" line="32"/>
        <source>Enter an amount such as 2.50.</source>
        <translation>请输入金额，例如 2.50。</translation>
    </message>
    <message>
        <location filename="../models/catalog/BulkEditInput.cpp" line="35"/>
        <source>An amount of zero would change nothing.</source>
        <translation>金额为零不会产生任何更改。</translation>
    </message>
    <message>
        <location filename="../models/catalog/BulkEditInput.cpp" line="48"/>
        <source>Enter a percentage such as 10 or -2.5 (at most two decimals).</source>
        <translation>请输入百分比，例如 10 或 -2.5（最多两位小数）。</translation>
    </message>
    <message>
        <location filename="../models/catalog/BulkEditInput.cpp" line="55"/>
        <source>A change of 0 % would change nothing.</source>
        <translation>变动 0% 不会产生任何更改。</translation>
    </message>
    <message>
        <location filename="../models/catalog/BulkEditInput.cpp" line="57"/>
        <source>Prices cannot go down by 100 % or more.</source>
        <translation>价格降幅不能达到或超过 100%。</translation>
    </message>
    <message>
        <location filename="../models/catalog/BulkEditInput.cpp" line="59"/>
        <source>Prices can go up by at most 1000 % at once.</source>
        <translation>价格单次涨幅最多为 1000%。</translation>
    </message>
</context>
<context>
    <name>CatalogText</name>
    <message>
        <location filename="../models/catalog/CatalogText.cpp" line="19"/>
        <source>Draft</source>
        <comment>product status</comment>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../models/catalog/CatalogText.cpp" line="21"/>
        <source>Active</source>
        <comment>product status</comment>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../models/catalog/CatalogText.cpp" line="23"/>
        <source>Archived</source>
        <comment>product status</comment>
        <translation>已归档</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="25"/>
        <source>This value is not valid.</source>
        <translation>此值无效。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="27"/>
        <source>This item no longer exists. Someone may have deleted it.</source>
        <translation>此项已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="29"/>
        <source>This cannot be done in the current state.</source>
        <translation>当前状态下无法执行此操作。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="31"/>
        <source>This value is already in use.</source>
        <translation>此值已被使用。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="33"/>
        <source>This was changed by someone else in the meantime.</source>
        <translation>此内容已被他人修改。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="35"/>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="37"/>
        <source>The store is open in another program.</source>
        <translation>数据文件已被其他程序打开。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="39"/>
        <source>The store file is damaged or is not a Souk store.</source>
        <translation>数据文件已损坏，或不是 Souk 数据文件。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="41"/>
        <source>The store was written by a newer version of Souk.</source>
        <translation>此数据文件由更新版本的 Souk 创建。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="43"/>
        <source>The store cannot be written. Check the file and folder permissions.</source>
        <translation>无法写入数据文件。请检查文件和文件夹的权限。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="45"/>
        <source>The store could not be read or written.</source>
        <translation>无法读取或写入数据文件。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="47"/>
        <source>The operation was cancelled.</source>
        <translation>操作已取消。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="49"/>
        <source>Souk is busy right now. Please try again in a moment.</source>
        <translation>Souk 正忙，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="51"/>
        <source>Something went wrong inside Souk. Please report this problem.</source>
        <translation>Souk 内部出错，请报告此问题。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="53"/>
        <source>This step is not possible in the order&apos;s or payment&apos;s current state.</source>
        <translation>订单或支付的当前状态不允许执行此步骤。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="55"/>
        <source>This request was already sent with different details. Start the action again.</source>
        <translation>此请求之前已使用不同的信息提交过。请重新发起此操作。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="57"/>
        <source>There is not enough stock available.</source>
        <translation>可售库存不足。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="59"/>
        <source>The card details are not valid.</source>
        <translation>银行卡信息无效。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="61"/>
        <source>This payment is still being processed. Wait a moment, then look at the order again.</source>
        <translation>这笔付款仍在处理中。请稍候再查看该订单。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="63"/>
        <source>Sign in again: the user name, password or code is wrong, or the session has ended.</source>
        <translation>请重新登录：用户名、密码或验证码有误，或会话已结束。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="65"/>
        <source>Your role does not allow this. Ask an owner or an administrator.</source>
        <translation>您的角色无权执行此操作。请联系店主或管理员。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="67"/>
        <source>This account is locked for now. Wait, or ask an administrator.</source>
        <translation>此账号暂时被锁定。请稍后再试，或联系管理员。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="72"/>
        <source>Something went wrong (error code: %1).</source>
        <extracomment>%1 is a machine code such as &quot;quota_exceeded&quot; or a number</extracomment>
        <translation>出错了（错误代码：%1）。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="79"/>
        <source>Title</source>
        <comment>product field</comment>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="80"/>
        <source>Handle</source>
        <comment>product field: URL key</comment>
        <translation>网址标识</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="81"/>
        <source>Description</source>
        <comment>product field</comment>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="82"/>
        <source>Vendor</source>
        <comment>product field</comment>
        <translation>厂商</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="83"/>
        <source>Category</source>
        <comment>product field</comment>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="84"/>
        <source>Tags</source>
        <comment>product field</comment>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="85"/>
        <source>Status</source>
        <comment>product field</comment>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="86"/>
        <source>Option names</source>
        <comment>product field</comment>
        <translation>属性名</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="87"/>
        <source>Variants</source>
        <comment>product field</comment>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="88"/>
        <source>SKU</source>
        <comment>variant field</comment>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="89"/>
        <source>Option values</source>
        <comment>variant field</comment>
        <translation>属性值</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="90"/>
        <source>Price</source>
        <comment>variant field</comment>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="91"/>
        <source>Compare-at price</source>
        <comment>variant field</comment>
        <translation>划线价</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="92"/>
        <source>Cost</source>
        <comment>variant field</comment>
        <translation>成本价</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="93"/>
        <source>Barcode</source>
        <comment>variant field</comment>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="94"/>
        <source>Weight</source>
        <comment>variant field</comment>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="95"/>
        <source>Low-stock threshold</source>
        <comment>variant field</comment>
        <translation>低库存阈值</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="96"/>
        <location filename="../models/common/ErrorText.cpp" line="97"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="98"/>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="99"/>
        <source>Reason</source>
        <comment>stock adjustment</comment>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="100"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="101"/>
        <source>Quantity change</source>
        <comment>stock adjustment</comment>
        <translation>数量变动</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="102"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="103"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="104"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="105"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="106"/>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="107"/>
        <source>Location</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="108"/>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="119"/>
        <source>The node lost its database while saving this (a restart or failover), so it may or may not have been done. Check before you do it again.</source>
        <translation>节点在保存时失去了数据库连接（重启或故障切换），此操作可能已完成，也可能未完成。再次操作前请先检查。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="126"/>
        <source>The node lost its database as you signed in (a restart or failover), so the sign-in may not have gone through. Sign in again; with two-step sign-in, use the next code.</source>
        <translation>登录时节点失去了数据库连接（重启或故障切换），登录可能未成功。请重新登录；如已开启两步登录，请使用下一个验证码。</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="135"/>
        <source>%1: %2</source>
        <extracomment>%1 is a field label such as &quot;Price (variant 3)&quot;, %2 an error sentence</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../models/common/ErrorText.cpp" line="155"/>
        <source>%1 (variant %2)</source>
        <extracomment>%1 is a variant field such as &quot;Price&quot;; %2 the variant&apos;s 1-based row number</extracomment>
        <translation>%1（规格 %2）</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../models/common/Format.cpp" line="122"/>
        <source>%1 – %2</source>
        <extracomment>a price range, e.g. &quot;€5.00 – €9.50&quot;</extracomment>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="30"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="31"/>
        <source>this line is not valid UTF-8 text; save the file as UTF-8</source>
        <translation>此行不是有效的 UTF-8 文本；请将文件另存为 UTF-8 编码</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="33"/>
        <source>expected %1 columns, found %2</source>
        <extracomment>%1 = columns in the header row, %2 = columns on this line</extracomment>
        <translation>应有 %1 列，实际为 %2 列</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="35"/>
        <source>the file has more than %1 rows; split it into smaller files</source>
        <extracomment>%1 = the largest number of rows accepted</extracomment>
        <translation>文件超过 %1 行；请拆分成较小的文件</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="36"/>
        <source>a quoted value that starts on this line is never closed, so the rest of the file cannot be read</source>
        <translation>从此行开始的带引号的值没有结束引号，因此无法读取文件的其余部分</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="37"/>
        <source>unexpected text after a closing quote (quotes inside a value must be doubled); the line was skipped</source>
        <translation>结束引号后有多余的文字（值中的引号必须连写两个）；已跳过此行</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="39"/>
        <source>a value is longer than %1 characters, so the rest of the file cannot be read</source>
        <extracomment>%1 = the largest number of characters accepted in one cell</extracomment>
        <translation>有一个值超过 %1 个字符，因此无法读取文件的其余部分</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="41"/>
        <source>the column appears twice</source>
        <translation>此列出现了两次</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="42"/>
        <source>missing required column</source>
        <translation>缺少必需的列</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="44"/>
        <source>a handle or a title is required</source>
        <translation>必须填写网址标识或标题</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="45"/>
        <source>must be TRUE or FALSE</source>
        <translation>必须为 TRUE 或 FALSE</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="47"/>
        <source>status must be draft, active or archived, not &quot;%1&quot;</source>
        <extracomment>%1 = the value found; draft, active and archived are the values the file may use (not translated)</extracomment>
        <translation>状态必须为 draft、active 或 archived，而不是“%1”</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="48"/>
        <source>has a value but the product has no such option</source>
        <translation>填写了值，但该商品没有这个属性</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="49"/>
        <source>an amount is required</source>
        <translation>必须填写金额</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="50"/>
        <source>amount is too long</source>
        <translation>金额过长</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="52"/>
        <source>not a number: %1</source>
        <extracomment>%1 = the value found</extracomment>
        <translation>不是数字：%1</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="54"/>
        <source>%1 allows at most %2 decimal places</source>
        <extracomment>%1 = currency code, %2 = decimal places it has (e.g. &quot;EUR allows at most 2 decimal places&quot;)</extracomment>
        <translation>%1 最多允许 %2 位小数</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="55"/>
        <source>amount out of range</source>
        <translation>金额超出范围</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="57"/>
        <source>must be a whole number, not &quot;%1&quot;</source>
        <extracomment>%1 = the value found</extracomment>
        <translation>必须是整数，而不是“%1”</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="58"/>
        <source>must be between %1 and %2</source>
        <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="60"/>
        <source>must be %1, the store currency</source>
        <extracomment>%1 = the store&apos;s currency code</extracomment>
        <translation>必须为店铺货币 %1</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="61"/>
        <source>unknown currency code: %1</source>
        <translation>未知的货币代码：%1</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="63"/>
        <source>%1 does not match the store currency %2</source>
        <extracomment>%1 = the currency code in the file, %2 = the store&apos;s currency code</extracomment>
        <translation>%1 与店铺货币 %2 不一致</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="65"/>
        <source>duplicate SKU &quot;%1&quot;: lines %2 and %3</source>
        <extracomment>%1 = SKU, %2 and %3 = line numbers of the file</extracomment>
        <translation>SKU“%1”重复：第 %2 行和第 %3 行</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="67"/>
        <source>this variant has no SKU, and the one made from its handle and options (&quot;%1&quot;) is already used on line %2; give it a SKU of its own</source>
        <extracomment>%1 = the SKU Souk made for a variant without one, %2 = the other line that has it</extracomment>
        <translation>此规格没有 SKU，由网址标识和属性生成的 SKU（“%1”）已在第 %2 行使用；请为它填写自己的 SKU</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="69"/>
        <source>SKU &quot;%1&quot; already belongs to the product &quot;%2&quot; in the store</source>
        <extracomment>%1 = SKU, %2 = handle of the product in the store that has it</extracomment>
        <translation>SKU“%1”在店铺中已属于商品“%2”</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="71"/>
        <source>same option values as line %1</source>
        <extracomment>%1 = line number of the file</extracomment>
        <translation>属性值与第 %1 行相同</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="73"/>
        <source>too many errors: stopped after %1</source>
        <extracomment>%1 = the largest number of problems listed</extracomment>
        <translation>错误过多：已在第 %1 个错误后停止</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="74"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="76"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="78"/>
        <source>must be at most %1 characters (found %2)</source>
        <extracomment>%1 = the limit, %2 = characters found</extracomment>
        <translation>最多 %1 个字符（实际为 %2 个）</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="79"/>
        <source>must not contain control characters</source>
        <translation>不能包含控制字符</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="81"/>
        <source>contains a control character (%1)</source>
        <extracomment>%1 = a code point such as U+0009</extracomment>
        <translation>包含控制字符（%1）</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="83"/>
        <source>contains an invisible character (%1)</source>
        <extracomment>%1 = a code point such as U+200B</extracomment>
        <translation>包含不可见字符（%1）</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="85"/>
        <source>contains a bidirectional control character (%1)</source>
        <extracomment>%1 = a code point such as U+202E</extracomment>
        <translation>包含双向文字控制字符（%1）</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="86"/>
        <source>must be lower-case letters and digits joined by single dashes</source>
        <translation>只能由小写字母和数字组成，并用单个连字符连接</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="87"/>
        <source>at most %1 tags (found %2)</source>
        <translation>最多 %1 个标签（实际为 %2 个）</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="88"/>
        <source>a tag must not contain a comma</source>
        <translation>标签不能包含逗号</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="89"/>
        <source>tag &quot;%1&quot; appears twice</source>
        <translation>标签“%1”出现了两次</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="90"/>
        <source>at most %1 options (found %2)</source>
        <translation>最多 %1 个属性（实际为 %2 个）</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="91"/>
        <source>option &quot;%1&quot; appears twice</source>
        <translation>属性“%1”出现了两次</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="93"/>
        <source>must be in %1, not %2</source>
        <extracomment>%1 = the store&apos;s currency code, %2 = the amount&apos;s currency code</extracomment>
        <translation>必须以 %1 计价，而不是 %2</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="94"/>
        <source>must be in %1 but has no currency</source>
        <translation>必须以 %1 计价，但未注明货币</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="95"/>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="97"/>
        <source>must be at most %1 %2</source>
        <extracomment>%1 = the largest amount, %2 = currency code</extracomment>
        <translation>最多为 %1 %2</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="98"/>
        <source>must not contain spaces or control characters</source>
        <translation>不能包含空格或控制字符</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="99"/>
        <source>expected %1 option values, found %2</source>
        <translation>应有 %1 个属性值，实际为 %2 个</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="100"/>
        <source>barcode may use letters, digits and - . _ / only</source>
        <translation>条码只能包含字母、数字和 - . _ /</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="102"/>
        <source>barcode must be at most %1 characters</source>
        <extracomment>%1 = the longest barcode allowed</extracomment>
        <translation>条码最多 %1 个字符</translation>
    </message>
    <message>
        <source>barcode must contain digits only</source>
        <translation type="vanished">条码只能包含数字</translation>
    </message>
    <message>
        <source>barcode must have 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits, not %1</source>
        <extracomment>%1 = digits found</extracomment>
        <translation type="vanished">条码必须为 8 位（EAN-8）、12 位（UPC-A）或 13 位（EAN-13），而不是 %1 位</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="104"/>
        <source>check digit should be %1, not %2</source>
        <extracomment>%1 = the right check digit, %2 = the digit found</extracomment>
        <translation>校验位应为 %1，而不是 %2</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="106"/>
        <source>SKU &quot;%1&quot; is also used by variant %2</source>
        <extracomment>%1 = SKU, %2 = the number of the other variant of the same product (1 = its first)</extracomment>
        <translation>SKU“%1”也被第 %2 个规格使用</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="108"/>
        <source>same option values as variant %1</source>
        <extracomment>%1 = the number of the other variant of the same product (1 = its first)</extracomment>
        <translation>属性值与第 %1 个规格相同</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="109"/>
        <source>a product with several variants needs options to tell them apart</source>
        <translation>有多个规格的商品需要用属性来区分</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="110"/>
        <source>at least one variant is required</source>
        <translation>至少需要一个规格</translation>
    </message>
    <message>
        <location filename="../backend/catalog/ProblemText.h" line="111"/>
        <source>at most %1 variants (found %2)</source>
        <translation>最多 %1 个规格（实际为 %2 个）</translation>
    </message>
</context>
<context>
    <name>OrderText</name>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="50"/>
        <source>#%1</source>
        <comment>order number</comment>
        <extracomment>an order&apos;s short number as shown everywhere, e.g. &quot;#1042&quot;</extracomment>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="57"/>
        <source>Awaiting payment</source>
        <comment>order status</comment>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="59"/>
        <source>Paid</source>
        <comment>order status</comment>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="61"/>
        <source>Fulfilling</source>
        <comment>order status</comment>
        <translation>履约中</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="63"/>
        <source>Shipped</source>
        <comment>order status</comment>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="65"/>
        <source>Delivered</source>
        <comment>order status</comment>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="67"/>
        <source>Completed</source>
        <comment>order status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="69"/>
        <source>Cancelled</source>
        <comment>order status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="71"/>
        <source>Expired</source>
        <comment>order status</comment>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="73"/>
        <source>Partially refunded</source>
        <comment>order status</comment>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="75"/>
        <source>Refunded</source>
        <comment>order status</comment>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="77"/>
        <source>Unknown</source>
        <comment>order status</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="84"/>
        <source>Not paid</source>
        <comment>payment state</comment>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="86"/>
        <source>Awaiting capture</source>
        <comment>payment state</comment>
        <translation>待扣款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="88"/>
        <source>Captured</source>
        <comment>payment state</comment>
        <translation>已扣款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="90"/>
        <source>Partially refunded</source>
        <comment>payment state</comment>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="92"/>
        <source>Refunded</source>
        <comment>payment state</comment>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="94"/>
        <source>Voided</source>
        <comment>payment state</comment>
        <translation>已撤销授权</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="96"/>
        <source>Declined</source>
        <comment>payment state</comment>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="98"/>
        <source>Disputed</source>
        <comment>payment state</comment>
        <translation>争议中</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="100"/>
        <source>Unknown</source>
        <comment>payment state</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="107"/>
        <source>Declined</source>
        <comment>payment status</comment>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="109"/>
        <source>Authorized</source>
        <comment>payment status</comment>
        <translation>已授权</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="111"/>
        <source>Captured</source>
        <comment>payment status</comment>
        <translation>已扣款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="113"/>
        <source>Voided</source>
        <comment>payment status</comment>
        <translation>已撤销授权</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="115"/>
        <source>Authorization expired</source>
        <comment>payment status</comment>
        <translation>授权已过期</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="117"/>
        <source>Unknown</source>
        <comment>payment status</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="124"/>
        <source>Needs response</source>
        <comment>dispute status</comment>
        <translation>待回应</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="126"/>
        <source>Under review</source>
        <comment>dispute status</comment>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="128"/>
        <source>Won</source>
        <comment>dispute status</comment>
        <translation>已胜诉</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="130"/>
        <source>Lost</source>
        <comment>dispute status</comment>
        <translation>已败诉</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="132"/>
        <source>Unknown</source>
        <comment>dispute status</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="139"/>
        <source>Provider clearing</source>
        <comment>ledger account</comment>
        <translation>渠道清算</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="141"/>
        <source>Merchant payable</source>
        <comment>ledger account</comment>
        <translation>商户应付</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="143"/>
        <source>Commission revenue</source>
        <comment>ledger account</comment>
        <translation>佣金收入</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="145"/>
        <source>Refunds</source>
        <comment>ledger account</comment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="147"/>
        <source>Dispute losses</source>
        <comment>ledger account</comment>
        <translation>争议损失</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="149"/>
        <source>Dispute fees</source>
        <comment>ledger account</comment>
        <translation>争议手续费</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="151"/>
        <source>Paid out</source>
        <comment>ledger account</comment>
        <translation>已打款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="153"/>
        <source>Unknown</source>
        <comment>ledger account</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="159"/>
        <source>Status changed</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="160"/>
        <source>Payment authorized</source>
        <translation>支付已授权</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="161"/>
        <source>Payment declined</source>
        <translation>支付被拒绝</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="162"/>
        <source>Payment captured</source>
        <translation>支付已扣款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="163"/>
        <source>Authorization voided</source>
        <translation>授权已撤销</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="164"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="165"/>
        <source>Dispute opened</source>
        <translation>争议已发起</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="166"/>
        <source>Dispute evidence sent</source>
        <translation>已提交争议证据</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="167"/>
        <source>Dispute won</source>
        <translation>争议胜诉</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="168"/>
        <source>Dispute lost</source>
        <translation>争议败诉</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="169"/>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="170"/>
        <source>Risk: allowed</source>
        <translation>风控：放行</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="171"/>
        <source>Risk: blocked</source>
        <translation>风控：拦截</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="172"/>
        <source>Risk: held for review</source>
        <translation>风控：待人工审核</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="173"/>
        <source>Review: approved</source>
        <translation>审核：通过</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="174"/>
        <source>Review: declined</source>
        <translation>审核：拒绝</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="175"/>
        <source>Review: fraud</source>
        <translation>审核：欺诈</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="198"/>
        <source>order placed</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="199"/>
        <source>cancelled by staff</source>
        <translation>由工作人员取消</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="200"/>
        <source>payment captured</source>
        <translation>已扣款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="201"/>
        <source>not paid in time</source>
        <translation>未按时付款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="202"/>
        <source>authorization expired</source>
        <translation>授权已过期</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="204"/>
        <source>partial capture; the rest was released</source>
        <translation>部分扣款，余额已释放</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="205"/>
        <source>dispute lost</source>
        <translation>争议败诉</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="206"/>
        <source>evidence sent</source>
        <translation>已提交证据</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="207"/>
        <source>funds reversed and fee booked</source>
        <translation>资金已退回并计入手续费</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="215"/>
        <source>%1 – %2</source>
        <extracomment>%1 the card (&quot;visa •••• 0119&quot;), %2 why it was declined</extracomment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="229"/>
        <source>no answer after repeated attempts (%1)</source>
        <extracomment>%1 the provider&apos;s last error code, e.g. &quot;processing_error&quot;</extracomment>
        <translation>多次尝试后仍无应答（%1）</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="232"/>
        <source>The provider refused the capture: %1. The money was not taken.</source>
        <extracomment>%1 the provider&apos;s reason, e.g. &quot;authorization_expired&quot;; the money was not taken</extracomment>
        <translation>支付服务商拒绝了扣款：%1。款项未被扣取。</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="235"/>
        <source>The provider refused the refund: %1. The customer was not paid back.</source>
        <extracomment>%1 the provider&apos;s reason; the customer did not get the money back</extracomment>
        <translation>支付服务商拒绝了退款：%1。顾客未收到退款。</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="238"/>
        <source>The provider refused to release the hold: %1.</source>
        <extracomment>%1 the provider&apos;s reason; the hold on the card may remain</extracomment>
        <translation>支付服务商拒绝释放预授权：%1。</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="245"/>
        <source>Insufficient funds</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="246"/>
        <source>The card was reported stolen</source>
        <translation>该卡已挂失（被盗）</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="247"/>
        <source>The card has expired</source>
        <translation>该卡已过期</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="248"/>
        <source>Processing error; trying again may work</source>
        <translation>处理出错，重试可能会成功</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="250"/>
        <source>The card issuer did not answer in time; trying again may work</source>
        <translation>发卡行未及时响应，重试可能会成功</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="258"/>
        <source>Fraudulent payment</source>
        <translation>欺诈交易</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="259"/>
        <source>Product not received</source>
        <translation>未收到商品</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="260"/>
        <source>Product defective or not as described</source>
        <translation>商品有缺陷或与描述不符</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="261"/>
        <source>Charged twice</source>
        <translation>重复扣款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="262"/>
        <source>Refund promised but not made</source>
        <translation>承诺退款但未退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="263"/>
        <source>No reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="272"/>
        <source>Capture</source>
        <comment>ledger journal entry</comment>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="273"/>
        <source>Refund</source>
        <comment>ledger journal entry</comment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="274"/>
        <source>Dispute lost</source>
        <comment>ledger journal entry</comment>
        <translation>争议败诉</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="275"/>
        <source>Payout</source>
        <comment>ledger journal entry</comment>
        <translation>打款</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="276"/>
        <source>Reversal</source>
        <comment>ledger journal entry</comment>
        <translation>冲正</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="285"/>
        <source>System</source>
        <comment>who did it: the engine itself</comment>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="286"/>
        <source>Command line</source>
        <comment>who did it: the command-line tool</comment>
        <translation>命令行</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="287"/>
        <source>Simulator</source>
        <comment>who did it: the demo traffic simulator</comment>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="290"/>
        <source>Owner</source>
        <comment>user role</comment>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="291"/>
        <source>Operator</source>
        <comment>user role</comment>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="292"/>
        <source>Support</source>
        <comment>user role</comment>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="293"/>
        <source>System</source>
        <comment>user role</comment>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="306"/>
        <source>%1 (%2)</source>
        <comment>actor</comment>
        <extracomment>who did something: %1 the user, %2 their role (&quot;alice (Support)&quot;)</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="312"/>
        <source>Home</source>
        <comment>delivery address label</comment>
        <translation>家</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="313"/>
        <source>Work</source>
        <comment>delivery address label</comment>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderText.cpp" line="327"/>
        <source>%1: %2</source>
        <comment>address</comment>
        <extracomment>a delivery address: %1 its label (&quot;Home&quot;), %2 the address</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="62"/>
        <source>No other payment with this card in the last hour</source>
        <comment>risk reason</comment>
        <translation>过去一小时内此卡无其他付款</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="64"/>
        <source>No other payment with this card in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>过去 24 小时内此卡无其他付款</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="66"/>
        <source>No declined payment with this card in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>过去 24 小时内此卡无被拒付款</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="68"/>
        <source>No other payment with this email address in the last hour</source>
        <comment>risk reason</comment>
        <translation>过去一小时内此邮箱无其他付款</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="70"/>
        <source>No other payment from this IP address in the last hour</source>
        <comment>risk reason</comment>
        <translation>过去一小时内此 IP 地址无其他付款</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="72"/>
        <source>No card used from this IP address in the last hour</source>
        <comment>risk reason</comment>
        <translation>过去一小时内此 IP 地址未使用过卡</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="74"/>
        <source>No other payment from this device in the last hour</source>
        <comment>risk reason</comment>
        <translation>过去一小时内此设备无其他付款</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="76"/>
        <source>No card used on this device in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>过去 24 小时内此设备未使用过卡</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="89"/>
        <source>%Ln payment(s) with this card in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去一小时内此卡已付款 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="91"/>
        <source>%Ln payment(s) with this card in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去 24 小时内此卡已付款 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="93"/>
        <source>%Ln declined payment(s) with this card in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去 24 小时内此卡被拒付款 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="95"/>
        <source>%Ln payment(s) with this email address in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去一小时内此邮箱已付款 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="97"/>
        <source>%Ln payment(s) from this IP address in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去一小时内此 IP 地址已付款 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="99"/>
        <source>%Ln card(s) used from this IP address in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去一小时内此 IP 地址使用了 %Ln 张卡</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="101"/>
        <source>%Ln payment(s) from this device in the last hour</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去一小时内此设备已付款 %Ln 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ReviewText.cpp" line="103"/>
        <source>%Ln card(s) used on this device in the last 24 hours</source>
        <comment>risk reason</comment>
        <translation>
            <numerusform>过去 24 小时内此设备使用了 %Ln 张卡</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="115"/>
        <source>New customer</source>
        <comment>risk reason</comment>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="116"/>
        <source>Returning customer</source>
        <comment>risk reason</comment>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="118"/>
        <source>Device new to this customer</source>
        <comment>risk reason</comment>
        <translation>该客户首次使用此设备</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="119"/>
        <source>Device this customer used before</source>
        <comment>risk reason</comment>
        <translation>该客户用过此设备</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="122"/>
        <source>Card and IP address from the same country</source>
        <comment>risk reason</comment>
        <translation>卡与 IP 地址属同一国家</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="124"/>
        <source>Card from %1, IP address in %2</source>
        <comment>risk reason</comment>
        <extracomment>%1 the card&apos;s country code, %2 the IP address&apos;s (&quot;US&quot;, &quot;NG&quot;)</extracomment>
        <translation>卡来自 %1，IP 地址位于 %2</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="125"/>
        <source>Card and IP address from different countries</source>
        <comment>risk reason</comment>
        <translation>卡与 IP 地址属不同国家</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="128"/>
        <source>Shipping to the IP address&apos;s country</source>
        <comment>risk reason</comment>
        <translation>寄往 IP 地址所在国家</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="131"/>
        <source>Shipping to %1, IP address in %2</source>
        <comment>risk reason</comment>
        <extracomment>%1 the shipping country&apos;s code, %2 the IP address&apos;s (&quot;US&quot;, &quot;NG&quot;)</extracomment>
        <translation>寄往 %1，IP 地址位于 %2</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="132"/>
        <source>Shipping outside the IP address&apos;s country</source>
        <comment>risk reason</comment>
        <translation>寄往 IP 地址所在国家以外</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="135"/>
        <source>Shipping to the card&apos;s country</source>
        <comment>risk reason</comment>
        <translation>寄往发卡国家</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="138"/>
        <source>Shipping to %1, card from %2</source>
        <comment>risk reason</comment>
        <extracomment>%1 the shipping country&apos;s code, %2 the card&apos;s (&quot;US&quot;, &quot;NG&quot;)</extracomment>
        <translation>寄往 %1，卡来自 %2</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="139"/>
        <source>Shipping outside the card&apos;s country</source>
        <comment>risk reason</comment>
        <translation>寄往发卡国家以外</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="141"/>
        <source>Email at a free provider</source>
        <comment>risk reason</comment>
        <translation>使用免费邮箱</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="142"/>
        <source>Email at its own domain</source>
        <comment>risk reason</comment>
        <translation>使用自有域名邮箱</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="168"/>
        <source>Amount not known</source>
        <comment>risk reason</comment>
        <translation>金额未知</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="172"/>
        <source>No card history</source>
        <comment>risk reason</comment>
        <translation>无卡记录</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="175"/>
        <source>No email address</source>
        <comment>risk reason</comment>
        <translation>无邮箱地址</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="178"/>
        <source>No IP address</source>
        <comment>risk reason</comment>
        <translation>无 IP 地址</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="181"/>
        <source>No device identifier</source>
        <comment>risk reason</comment>
        <translation>无设备标识</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="183"/>
        <source>No earlier approved payment of this customer to compare with</source>
        <comment>risk reason</comment>
        <translation>该客户此前无已批准的付款可供比较</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="185"/>
        <source>No earlier approved payment to this merchant to compare with</source>
        <comment>risk reason</comment>
        <translation>该商户此前无已批准的付款可供比较</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="187"/>
        <source>Customer not identified</source>
        <comment>risk reason</comment>
        <translation>未识别客户</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="189"/>
        <source>Device or customer not identified</source>
        <comment>risk reason</comment>
        <translation>未识别设备或客户</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="191"/>
        <source>Card or IP address country not known</source>
        <comment>risk reason</comment>
        <translation>卡或 IP 地址所属国家未知</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="193"/>
        <source>Shipping or IP address country not known</source>
        <comment>risk reason</comment>
        <translation>收货或 IP 地址所属国家未知</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="195"/>
        <source>Card or shipping country not known</source>
        <comment>risk reason</comment>
        <translation>发卡或收货国家未知</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="197"/>
        <source>Distance from shipping to billing address not known</source>
        <comment>risk reason</comment>
        <translation>收货地址与账单地址的距离未知</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="199"/>
        <source>Time of payment not known</source>
        <comment>risk reason</comment>
        <translation>付款时间未知</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="211"/>
        <source>Amount %1</source>
        <comment>risk reason</comment>
        <extracomment>%1 the payment&apos;s amount with its currency</extracomment>
        <translation>金额 %1</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="214"/>
        <source>Amount %1× the customer&apos;s usual</source>
        <comment>risk reason</comment>
        <extracomment>%1 how many times larger, &quot;4.0&quot;</extracomment>
        <translation>金额为该客户平时的 %1 倍</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="217"/>
        <source>Amount %1× the merchant&apos;s usual</source>
        <comment>risk reason</comment>
        <extracomment>%1 how many times larger, &quot;4.0&quot;</extracomment>
        <translation>金额为该商户平时的 %1 倍</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="220"/>
        <source>Shipping address %1 km from billing</source>
        <comment>risk reason</comment>
        <extracomment>%1 kilometres, &quot;1,250&quot;</extracomment>
        <translation>收货地址距账单地址 %1 公里</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="225"/>
        <source>Paid %1–%2 UTC</source>
        <comment>risk reason</comment>
        <extracomment>the hour of day (UTC) the payment was made in: %1 &quot;03:00&quot;, %2 &quot;03:59&quot;</extracomment>
        <translation>付款时间 UTC %1–%2</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="241"/>
        <source>Approve</source>
        <comment>review verdict</comment>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="243"/>
        <source>Decline</source>
        <comment>review verdict</comment>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="245"/>
        <source>Fraud</source>
        <comment>review verdict</comment>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="253"/>
        <source>Customer verified</source>
        <comment>review reason</comment>
        <translation>已核实客户</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="255"/>
        <source>Known customer</source>
        <comment>review reason</comment>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="257"/>
        <source>Consistent history</source>
        <comment>review reason</comment>
        <translation>历史记录一致</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="259"/>
        <source>Customer unreachable</source>
        <comment>review reason</comment>
        <translation>联系不上客户</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="261"/>
        <source>Cannot verify</source>
        <comment>review reason</comment>
        <translation>无法核实</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="263"/>
        <source>Against policy</source>
        <comment>review reason</comment>
        <translation>违反政策</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="265"/>
        <source>Stolen card</source>
        <comment>review reason</comment>
        <translation>被盗卡</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="267"/>
        <source>Card testing</source>
        <comment>review reason</comment>
        <translation>盗卡测试</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="269"/>
        <source>Account takeover</source>
        <comment>review reason</comment>
        <translation>账户被盗用</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="271"/>
        <source>Other</source>
        <comment>review reason</comment>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="280"/>
        <source>%1 h %2 min</source>
        <extracomment>hours and minutes, &quot;3 h 05 min&quot;</extracomment>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="282"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="283"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="330"/>
        <source>Rule %1: %2</source>
        <comment>risk assessment</comment>
        <extracomment>%1 the deciding rule&apos;s line, %2 its text</extracomment>
        <translation>规则 %1：%2</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="333"/>
        <source>risk score %1</source>
        <comment>risk assessment</comment>
        <extracomment>%1 the model&apos;s risk score, 0-100</extracomment>
        <translation>风险评分 %1</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="336"/>
        <source>rule set v%1</source>
        <comment>risk assessment</comment>
        <extracomment>%1 the rule set&apos;s version number</extracomment>
        <translation>规则集 v%1</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="338"/>
        <source>No rule matched</source>
        <comment>risk assessment</comment>
        <translation>没有规则命中</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewText.cpp" line="340"/>
        <source>; </source>
        <comment>risk assessment</comment>
        <extracomment>between the parts of a risk assessment&apos;s summary: rule, score, rule set</extracomment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>RiskText</name>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="12"/>
        <source>Draft</source>
        <comment>rule set state</comment>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="14"/>
        <source>Active</source>
        <comment>rule set state</comment>
        <translation>生效中</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="16"/>
        <source>Retired</source>
        <comment>rule set state</comment>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="30"/>
        <source>Email addresses</source>
        <comment>risk list kind</comment>
        <translation>电子邮箱地址</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="32"/>
        <source>Card fingerprints</source>
        <comment>risk list kind</comment>
        <translation>卡指纹</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="34"/>
        <source>IP addresses</source>
        <comment>risk list kind</comment>
        <translation>IP 地址</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="36"/>
        <source>Card BINs</source>
        <comment>risk list kind</comment>
        <translation>卡 BIN</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="38"/>
        <source>Countries</source>
        <comment>risk list kind</comment>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="40"/>
        <source>Device ids</source>
        <comment>risk list kind</comment>
        <translation>设备 ID</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="42"/>
        <source>Text</source>
        <comment>risk list kind</comment>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="51"/>
        <source>64 hexadecimal digits</source>
        <comment>example of a card fingerprint</comment>
        <translation>64 位十六进制数字</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="60"/>
        <source>any text</source>
        <comment>example of a text list value</comment>
        <translation>任意文本</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="66"/>
        <source>Allow</source>
        <comment>rule action</comment>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="68"/>
        <source>Block</source>
        <comment>rule action</comment>
        <translation>拦截</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="70"/>
        <source>Review</source>
        <comment>rule action</comment>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="77"/>
        <source>syntax error</source>
        <comment>rule problem</comment>
        <translation>语法错误</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="79"/>
        <source>unknown attribute</source>
        <comment>rule problem</comment>
        <translation>未知属性</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="81"/>
        <source>unknown list</source>
        <comment>rule problem</comment>
        <translation>未知名单</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="83"/>
        <source>type mismatch</source>
        <comment>rule problem</comment>
        <translation>类型不匹配</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="85"/>
        <source>text cannot be ordered</source>
        <comment>rule problem</comment>
        <translation>文本不能比较大小</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="87"/>
        <source>bad number</source>
        <comment>rule problem</comment>
        <translation>数字无效</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="89"/>
        <source>bad text</source>
        <comment>rule problem</comment>
        <translation>文本无效</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="91"/>
        <source>too long</source>
        <comment>rule problem</comment>
        <translation>超出长度限制</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="100"/>
        <source>Line %1, column %2: %3</source>
        <extracomment>a problem in the rule editor; %3 is the parser&apos;s sentence (English)</extracomment>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="102"/>
        <source>Line %1, column %2: %3 — %4</source>
        <extracomment>a problem in the rule editor; %3 its kind (&quot;type mismatch&quot;), %4 the parser&apos;s sentence (English)</extracomment>
        <translation>第 %1 行，第 %2 列：%3（%4）</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="108"/>
        <source>Note</source>
        <comment>rule set field</comment>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="110"/>
        <source>Version</source>
        <comment>rule set field</comment>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="112"/>
        <source>Rules</source>
        <comment>rule set field: its text</comment>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="114"/>
        <source>List name</source>
        <comment>risk list field</comment>
        <translation>名单名称</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="116"/>
        <source>Holds</source>
        <comment>risk list field: the kind of values</comment>
        <translation>存放</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="118"/>
        <source>Description</source>
        <comment>risk list field</comment>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="120"/>
        <source>Values</source>
        <comment>risk list field</comment>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskText.cpp" line="129"/>
        <source>%1: %2</source>
        <extracomment>%1 is a field label such as &quot;Note&quot;, %2 an error sentence</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app/souk/Startup.cpp" line="53"/>
        <source>Souk operations console</source>
        <translation>Souk 运营控制台</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="59"/>
        <source>Open or create the store FILE.</source>
        <translation>打开或创建数据文件 FILE。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="60"/>
        <source>Fill an empty store with demo data.</source>
        <translation>向空数据文件填充演示数据。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="63"/>
        <source>With --demo: start demo traffic at RATE orders per second.</source>
        <translation>配合 --demo：以每秒 RATE 个订单启动演示流量。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="66"/>
        <source>Interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="68"/>
        <source>Render every page to PNG files in DIR and exit.</source>
        <translation>将每个页面渲染为 PNG 文件保存到 DIR，然后退出。</translation>
    </message>
    <message>
        <source>Connect to the node at URL (https://HOST:PORT) instead of opening a store; an API key in SOUK_API_KEY signs in.</source>
        <translation type="vanished">连接到位于 URL（https://HOST:PORT）的节点，而不是打开店铺；SOUK_API_KEY 中的 API 密钥用于登录。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="81"/>
        <source>With --connect: the node&apos;s certificate, by its SHA-256 fingerprint or a CA file (PEM).</source>
        <translation>与 --connect 一起使用：节点的证书，以其 SHA-256 指纹或 CA 文件（PEM）指定。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="300"/>
        <source>The node&apos;s certificate is not trusted. If its SHA-256 fingerprint is %1, start with --trust %1.</source>
        <translation>节点的证书不受信任。如果其 SHA-256 指纹是 %1，请使用 --trust %1 启动。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="306"/>
        <source>Cannot connect to the node</source>
        <translation>无法连接到节点</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="251"/>
        <source>My Store</source>
        <extracomment>name of the merchant a new store starts with; the user can rename it</extracomment>
        <translation>我的店铺</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="72"/>
        <source>Connect to the node at URL (https://HOST:PORT) instead of opening a store; an API key in SOUK_API_KEY signs in. A cluster&apos;s nodes: their URLs separated by commas.</source>
        <translation>连接到位于 URL（https://HOST:PORT）的节点，而不是打开店铺；SOUK_API_KEY 中的 API 密钥用于登录。集群的多个节点：用逗号分隔它们的 URL。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="77"/>
        <source>With --connect and several nodes: how requests are spread, round-robin, least-outstanding or by-merchant.</source>
        <translation>与 --connect 和多个节点一起使用：请求的分配方式，round-robin（轮流）、least-outstanding（最少等待）或 by-merchant（按商家）。</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="253"/>
        <source>Main warehouse</source>
        <extracomment>name of the stock location a new store starts with</extracomment>
        <translation>主仓库</translation>
    </message>
    <message>
        <location filename="../app/souk/Startup.cpp" line="352"/>
        <source>Cannot open the store</source>
        <translation>无法打开数据文件</translation>
    </message>
</context>
<context>
    <name>UserText</name>
    <message>
        <location filename="../models/people/UserText.cpp" line="26"/>
        <source>Owner</source>
        <comment>user role</comment>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="28"/>
        <source>Staff</source>
        <comment>user role</comment>
        <translation>店员</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="30"/>
        <source>Support</source>
        <comment>user role</comment>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="32"/>
        <source>Operator</source>
        <comment>user role</comment>
        <translation>运维</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="34"/>
        <source>Admin</source>
        <comment>user role</comment>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="43"/>
        <source>Runs one merchant: its catalog, orders, refunds, payouts, terms and people.</source>
        <translation>管理一个商家：商品目录、订单、退款、结算、条款和用户。</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="45"/>
        <source>Works for one merchant: catalog, stock and orders; no refunds, payouts or people.</source>
        <translation>为一个商家处理商品目录、库存和订单；不能处理退款、结算或用户。</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="47"/>
        <source>Works payments and orders for every merchant: refunds, voids and disputes; no catalogs or payouts.</source>
        <translation>处理所有商家的退款、撤销授权和争议；不能管理商品目录或结算。</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="50"/>
        <source>Watches every merchant and runs the store&apos;s upkeep; changes no merchant&apos;s data.</source>
        <translation>查看所有商家并负责数据文件的日常维护；不更改任何商家的数据。</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="52"/>
        <source>May do everything, for every merchant, including managing people.</source>
        <translation>可为所有商家执行任何操作，包括管理用户。</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="59"/>
        <source>On</source>
        <comment>two-step sign-in</comment>
        <translation>已开启</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="59"/>
        <source>Off</source>
        <comment>two-step sign-in</comment>
        <translation>未开启</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="64"/>
        <source>Disabled</source>
        <comment>user state</comment>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="64"/>
        <source>Active</source>
        <comment>user state</comment>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="69"/>
        <source>Never</source>
        <comment>no sign-in or use yet</comment>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="90"/>
        <source>Active</source>
        <comment>API key state</comment>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="92"/>
        <source>Expired</source>
        <comment>API key state</comment>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../models/people/UserText.cpp" line="94"/>
        <source>Revoked</source>
        <comment>API key state</comment>
        <translation>已吊销</translation>
    </message>
</context>
<context>
    <name>VariantTableModel</name>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="32"/>
        <source>Enter a price, for example %1.</source>
        <translation>请输入价格，例如 %1。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="35"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="37"/>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="41"/>
        <source>%1 amounts have no decimals.</source>
        <translation>%1 金额不带小数。</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/catalog/VariantCell.cpp" line="43"/>
        <source>%1 allows at most %n decimal place(s).</source>
        <extracomment>%1 is a currency code such as EUR</extracomment>
        <translation>
            <numerusform>%1 最多允许 %n 位小数。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="45"/>
        <source>Enter an amount such as %1, without thousands separators.</source>
        <translation>请输入金额，例如 %1，不要使用千位分隔符。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="52"/>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="54"/>
        <source>Enter a number between 0 and %1.</source>
        <translation>请输入 0 到 %1 之间的数字。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="61"/>
        <source>Enter a SKU.</source>
        <translation>请输入 SKU。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="63"/>
        <source>A SKU can have at most %1 characters.</source>
        <translation>SKU 最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="66"/>
        <source>A SKU cannot contain spaces.</source>
        <translation>SKU 不能包含空格。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="104"/>
        <source>Enter a value for “%1”.</source>
        <translation>请输入“%1”的值。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="106"/>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="116"/>
        <source>The check digit does not match: check the digits of this EAN/UPC barcode.</source>
        <translation>校验位不符：请检查此 EAN/UPC 条码的数字。</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantCell.cpp" line="117"/>
        <source>Use letters, digits and - . _ / only, at most %1 characters.</source>
        <translation>只能使用字母、数字和 - . _ /，最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Not a valid EAN-13, UPC-A or EAN-8 barcode: check the digits.</source>
        <translation type="vanished">不是有效的 EAN-13、UPC-A 或 EAN-8 条码，请检查数字。</translation>
    </message>
</context>
<context>
    <name>souk::AddUserDialog</name>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="38"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="41"/>
        <location filename="../views/people/AddUserDialog.cpp" line="258"/>
        <source>&amp;Add user</source>
        <translation>添加用户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="75"/>
        <source>e.g. ana or ana@example.com</source>
        <translation>例如 ana 或 ana@example.com</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="76"/>
        <source>&amp;Name:</source>
        <comment>user name</comment>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="97"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="103"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="104"/>
        <source>&amp;Merchant:</source>
        <translation>商家(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="112"/>
        <source>Empty: Souk makes a one-time password</source>
        <translation>留空则由 Souk 生成一次性密码</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AddUserDialog.cpp" line="113"/>
        <source>At least %n characters. Leave it empty and Souk makes a one-time password, shown to you once, for you to hand over.</source>
        <translation>
            <numerusform>至少 %n 个字符。留空则由 Souk 生成一次性密码，供您转交。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="120"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="133"/>
        <source>Pick a merchant</source>
        <translation>选择商家</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="135"/>
        <source>The merchants could not be read.</source>
        <translation>无法读取商家列表。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AddUserDialog.cpp" line="168"/>
        <location filename="../views/people/AddUserDialog.cpp" line="238"/>
        <source>At least %n characters, or leave it empty for a one-time password.</source>
        <translation>
            <numerusform>至少 %n 个字符，或留空以生成一次性密码。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="172"/>
        <source>This password is too long.</source>
        <translation>此密码过长。</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="179"/>
        <location filename="../views/people/AddUserDialog.cpp" line="243"/>
        <source>Pick the merchant this user works for.</source>
        <translation>请选择此用户所属的商家。</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="186"/>
        <source>Enter a name to sign in with.</source>
        <translation>请输入用于登录的用户名。</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="189"/>
        <source>Use letters, digits and . _ @ - only: no spaces or accents.</source>
        <translation>只能使用英文字母、数字和 . _ @ -，不能包含空格、中文或其他字符。</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="230"/>
        <source>A user called “%1” exists already. Pick another name.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>已存在名为“%1”的用户。请换一个名称。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AddUserDialog.cpp" line="233"/>
        <source>Use letters, digits and . _ @ - only, at most %n characters.</source>
        <translation>
            <numerusform>只能使用英文字母、数字和 . _ @ -，最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="242"/>
        <source>You can add people to your own merchant only.</source>
        <translation>您只能为自己的商家添加用户。</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="247"/>
        <source>You can add owners and staff only.</source>
        <translation>您只能添加店主和店员。</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="248"/>
        <source>Pick a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <location filename="../views/people/AddUserDialog.cpp" line="258"/>
        <source>Adding…</source>
        <translation>正在添加…</translation>
    </message>
</context>
<context>
    <name>souk::AddValuesDialog</name>
    <message>
        <location filename="../views/risk/AddValuesDialog.cpp" line="28"/>
        <source>Add values to %1</source>
        <extracomment>%1 is a list&apos;s name as rules write it: @blocked_emails</extracomment>
        <translation>向 %1 添加值</translation>
    </message>
    <message>
        <location filename="../views/risk/AddValuesDialog.cpp" line="31"/>
        <source>One value a line. This list holds: %1 (for example %2). Values already in the list are left as they are.</source>
        <extracomment>%1 what the list holds (&quot;Email addresses&quot;), %2 an example value</extracomment>
        <translation>每行一个值。此名单存放：%1（例如 %2）。名单中已有的值保持不变。</translation>
    </message>
    <message>
        <location filename="../views/risk/AddValuesDialog.cpp" line="52"/>
        <source>&amp;Add values</source>
        <translation>添加值(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/risk/AddValuesDialog.cpp" line="71"/>
        <source>Paste or type at least one value, one a line.</source>
        <translation>请粘贴或输入至少一个值，每行一个。</translation>
    </message>
    <message>
        <location filename="../views/risk/AddValuesDialog.cpp" line="98"/>
        <source>Line %1 (“%2”) does not fit this list (%3). Nothing was added: correct or remove that line, then add again.</source>
        <extracomment>%1 the line the user typed, %2 the value on it, %3 what the list holds (&quot;Email addresses&quot;)</extracomment>
        <translation>第 %1 行（“%2”）不符合此名单存放的内容（%3）。未添加任何值：请改正或删除该行后重新添加。</translation>
    </message>
</context>
<context>
    <name>souk::AdjustStockDialog</name>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="61"/>
        <source>Adjust stock – %1</source>
        <extracomment>window title; %1 = SKU</extracomment>
        <translation>调整库存 – %1</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="70"/>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="229"/>
        <source>&amp;Apply</source>
        <comment>apply a stock adjustment</comment>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="93"/>
        <source>SKU:</source>
        <translation>SKU：</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="94"/>
        <source>Location:</source>
        <comment>stock location</comment>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="97"/>
        <source>%1 on hand · %2 reserved · %3 available</source>
        <extracomment>current stock; %1 on hand, %2 reserved, %3 available</extracomment>
        <translation>在库 %1 · 预留 %2 · 可售 %3</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="99"/>
        <source>Now:</source>
        <comment>current stock</comment>
        <translation>当前：</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="111"/>
        <source>&amp;Kind:</source>
        <comment>kind of stock movement</comment>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="116"/>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="123"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="129"/>
        <source>After:</source>
        <comment>stock after the adjustment</comment>
        <translation>调整后：</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="148"/>
        <source>5 adds, -3 removes</source>
        <comment>signed quantity hint</comment>
        <translation>5 为增加，-3 为减少</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="149"/>
        <source>Units, e.g. 5</source>
        <comment>positive quantity hint</comment>
        <translation>件数，例如 5</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="151"/>
        <source>Required, e.g. counted, damaged</source>
        <comment>reason hint</comment>
        <translation>必填，例如：盘点、损坏</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="152"/>
        <source>Optional, e.g. delivery note number</source>
        <comment>reason hint</comment>
        <translation>选填，例如：送货单号</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="162"/>
        <source>–</source>
        <comment>no quantity entered yet</comment>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="172"/>
        <source>%1 on hand · %2 available</source>
        <extracomment>stock after the adjustment; %1 on hand, %2 available</extracomment>
        <translation>在库 %1 · 可售 %2</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="213"/>
        <source>The stock changed since you opened this. Close this window and open it again to see the current numbers.</source>
        <translation>打开此窗口后库存已发生变化。请关闭此窗口并重新打开，以查看当前数量。</translation>
    </message>
    <message>
        <location filename="../views/inventory/AdjustStockDialog.cpp" line="229"/>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
</context>
<context>
    <name>souk::ApiKeysDialog</name>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="36"/>
        <source>API keys of %1</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>%1 的 API 密钥</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="38"/>
        <source>Programs use these keys to act as %1. A key&apos;s secret was shown once, when it was made; here you see how it starts.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>程序使用这些密钥以 %1 的身份执行操作。密钥只在创建时显示过一次；此处仅显示其开头部分。</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="45"/>
        <source>Key</source>
        <comment>API key</comment>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="45"/>
        <source>Name</source>
        <comment>API key name</comment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="45"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="45"/>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="46"/>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="46"/>
        <source>State</source>
        <comment>API key state</comment>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="50"/>
        <source>No API keys yet.</source>
        <translation>还没有 API 密钥。</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="56"/>
        <source>&amp;Create key…</source>
        <translation>创建密钥(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="58"/>
        <source>&amp;Revoke…</source>
        <translation>吊销(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="106"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="138"/>
        <source>Revoked on %1</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="165"/>
        <source>This user is disabled: a key for them would not work.</source>
        <translation>此用户已停用：为其创建的密钥将无法使用。</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="182"/>
        <source>Made the key “%1” for %2.</source>
        <extracomment>%1 is the key&apos;s name, %2 a user name</extracomment>
        <translation>已为 %2 创建密钥“%1”。</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="184"/>
        <source>New API key</source>
        <translation>新 API 密钥</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="186"/>
        <source>The key “%1” acts as %2, with their role. Put it in the settings of the program that uses it.</source>
        <extracomment>%1 is the key&apos;s name, %2 a user name</extracomment>
        <translation>密钥“%1”以 %2 的身份和角色执行操作。请将它填入使用它的程序的设置中。</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="189"/>
        <source>This is the only time Souk shows this key: it keeps only a fingerprint of it. Copy it now; if it is lost, revoke it and make a new one.</source>
        <translation>Souk 只显示这一次此密钥，之后仅保存其指纹。请立即复制；如果丢失，请吊销它并创建新的密钥。</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="191"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="203"/>
        <source>Revoke the key “%1” (%2)? Programs that use it are refused from now on. This cannot be undone.</source>
        <extracomment>%1 is the key&apos;s name, %2 how the key starts (&quot;sk_AbCd1234…&quot;)</extracomment>
        <translation>吊销密钥“%1”（%2）？使用它的程序将从现在起被拒绝访问。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="206"/>
        <source>Revoke API key</source>
        <translation>吊销 API 密钥</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="206"/>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <location filename="../views/people/ApiKeysDialog.cpp" line="216"/>
        <source>Revoked the key “%1”.</source>
        <extracomment>%1 is the key&apos;s name</extracomment>
        <translation>已吊销密钥“%1”。</translation>
    </message>
</context>
<context>
    <name>souk::AuditEntryPane</name>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="18"/>
        <source>Selected entry</source>
        <translation>所选条目</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="19"/>
        <source>Select an entry to see who made it, how they signed in, and what it touched.</source>
        <translation>选择一个条目，查看操作人、登录方式以及涉及的对象。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="28"/>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="29"/>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="30"/>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="31"/>
        <source>Operation:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="32"/>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="34"/>
        <source>Signed in via:</source>
        <extracomment>how the user proved who they were: a password sign-in, an API key, the store file</extracomment>
        <translation>登录方式：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="36"/>
        <source>Origin:</source>
        <extracomment>where the request came from: this computer, or a server node and a network address</extracomment>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="38"/>
        <source>Credential:</source>
        <extracomment>the id of the session or API key the request used</extracomment>
        <translation>凭据：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="40"/>
        <source>Entry:</source>
        <extracomment>the entry&apos;s number in the audit log&apos;s hash chain</extracomment>
        <translation>条目编号：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="41"/>
        <source>Objects:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="42"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditEntryPane.cpp" line="44"/>
        <source>Detail:</source>
        <extracomment>the store&apos;s own (technical) message on a failed operation</extracomment>
        <translation>详细信息：</translation>
    </message>
</context>
<context>
    <name>souk::AuditLogModel</name>
    <message>
        <location filename="../models/people/AuditLogModel.cpp" line="261"/>
        <source>Time</source>
        <comment>audit log column</comment>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../models/people/AuditLogModel.cpp" line="263"/>
        <source>User</source>
        <comment>audit log column</comment>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../models/people/AuditLogModel.cpp" line="265"/>
        <source>Role</source>
        <comment>audit log column</comment>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../models/people/AuditLogModel.cpp" line="267"/>
        <source>Operation</source>
        <comment>audit log column</comment>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../models/people/AuditLogModel.cpp" line="270"/>
        <source>Objects</source>
        <comment>audit log column</comment>
        <extracomment>the things an audit entry is about: &quot;payment:123, order:456&quot;</extracomment>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../models/people/AuditLogModel.cpp" line="272"/>
        <source>Reason</source>
        <comment>audit log column</comment>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../models/people/AuditLogModel.cpp" line="274"/>
        <source>Outcome</source>
        <comment>audit log column</comment>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>souk::AuditPage</name>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="45"/>
        <source>Every change to the store and every refused attempt: who made it, how they signed in, and why. Each entry is chained to the one before it by a hash, so an entry altered afterwards can be found.</source>
        <translation>记录对数据的每一次更改和每一次被拒绝的尝试：由谁操作、如何登录以及原因。每个条目都通过哈希与前一个条目相连，因此可以发现事后被篡改的条目。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="99"/>
        <source>Any user</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="100"/>
        <source>A user name, exactly as they sign in. Press Enter to apply.</source>
        <translation>输入用户登录时使用的用户名，须完全一致。按 Enter 键应用。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="102"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="107"/>
        <source>payment or payment:123</source>
        <extracomment>the audit object filter&apos;s two forms; &quot;payment&quot; and the colon are typed as shown</extracomment>
        <translation>payment 或 payment:123</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="108"/>
        <source>A kind of object for every one of its kind (payment, order, product), or kind:id for one. Press Enter to apply.</source>
        <translation>输入对象类型（payment、order、product）查看该类型的全部对象，或输入“类型:ID”查看单个对象。按 Enter 键应用。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="112"/>
        <source>&amp;Object:</source>
        <extracomment>the audit filter on what an entry is about (&quot;payment:123&quot;)</extracomment>
        <translation>对象(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="116"/>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="117"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="118"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="119"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="120"/>
        <source>All time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="123"/>
        <source>&amp;Period:</source>
        <extracomment>the audit filter on when entries were written</extracomment>
        <translation>时间范围(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="125"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="127"/>
        <source>Read the newest entries (F5)</source>
        <translation>读取最新条目 (F5)</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="128"/>
        <source>Ver&amp;ify chain</source>
        <translation>校验哈希链(&amp;I)</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="164"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="206"/>
        <source>&amp;Clear filters</source>
        <translation>清除筛选条件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="226"/>
        <source>&amp;Load older entries</source>
        <translation>加载更早的条目(&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="243"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="342"/>
        <source>Verifying the hash chain of the whole audit log…</source>
        <translation>正在校验整个审计日志的哈希链…</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="359"/>
        <source>Entry %1 does not match its hash chain: it, or the entry before it, was changed, inserted or removed after it was written.</source>
        <extracomment>%1 the number of the first audit entry whose hash does not match (the &quot;Entry&quot; of the detail pane)</extracomment>
        <translation>编号为 %1 的条目与哈希链不符：该条目或其前一个条目在写入后被修改、插入或删除过。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="367"/>
        <source>The audit log has no entries yet: there is nothing to verify.</source>
        <translation>审计日志中还没有条目，无需校验。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AuditPage.cpp" line="370"/>
        <source>All %Ln entries match their hash chain.</source>
        <translation>
            <numerusform>全部 %Ln 个条目均与哈希链相符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="388"/>
        <source>No audit entries match these filters.</source>
        <translation>没有符合这些筛选条件的审计条目。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="389"/>
        <source>The audit log has no entries yet.</source>
        <translation>审计日志中还没有条目。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="390"/>
        <source>Try a longer period, or clear the user and object filters.</source>
        <translation>请尝试更长的时间范围，或清除用户和对象筛选条件。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="391"/>
        <source>Every change to the store, and every refused attempt, will be listed here.</source>
        <translation>对数据的每一次更改和每一次被拒绝的尝试都会列在这里。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="404"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AuditPage.cpp" line="406"/>
        <source>The newest %Ln entries; older ones load as you scroll down.</source>
        <translation>
            <numerusform>最新的 %Ln 个条目；向下滚动可加载更早的条目。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/AuditPage.cpp" line="408"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln 个条目</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="425"/>
        <source>Check that no entry was changed, inserted or removed since it was written. This reads the whole log.</source>
        <translation>检查是否有条目在写入后被修改、插入或删除。此操作会读取整个日志。</translation>
    </message>
    <message>
        <location filename="../views/people/AuditPage.cpp" line="427"/>
        <source>Only operators and administrators can verify the audit log&apos;s hash chain.</source>
        <translation>只有运维和管理员可以校验审计日志的哈希链。</translation>
    </message>
</context>
<context>
    <name>souk::BacktestPanel</name>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="38"/>
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="48"/>
        <source>Run &amp;backtest</source>
        <translation>运行回测(&amp;B)</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="50"/>
        <source>What the rules in the editor would have done to the stored payments of these days</source>
        <translation>编辑器中的规则本会如何处理这些日期内已存的付款</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="59"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="61"/>
        <source>to</source>
        <comment>backtest date range</comment>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="73"/>
        <source>Pick the days and press Run: nothing is changed, the stored payments are only read.</source>
        <translation>选择日期后点击运行：不会更改任何数据，只读取已存的付款。</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="75"/>
        <source>Line</source>
        <comment>backtest column</comment>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="75"/>
        <source>Action</source>
        <comment>backtest column</comment>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="76"/>
        <source>Matched</source>
        <comment>backtest column</comment>
        <translation>命中</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="76"/>
        <source>Decided</source>
        <comment>backtest column</comment>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="77"/>
        <source>of which fraud</source>
        <comment>backtest column</comment>
        <translation>其中欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="77"/>
        <source>Rule</source>
        <comment>backtest column</comment>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="109"/>
        <source>The rules do not parse: correct them before a backtest.</source>
        <translation>规则无法解析：请先改正再回测。</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="113"/>
        <source>The backtest&apos;s From day is after its To day.</source>
        <translation>回测的开始日期晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="132"/>
        <source>Backtest cancelled.</source>
        <translation>回测已取消。</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="135"/>
        <source>The rules do not parse: line %1, column %2.</source>
        <translation>规则无法解析：第 %1 行，第 %2 列。</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="168"/>
        <source>%1 (fraud %2 · legitimate %3)</source>
        <extracomment>revenue a rule set would have stopped in one currency: %1 all, %2 of fraud, %3 of good customers</extracomment>
        <translation>%1（欺诈 %2 · 正常 %3）</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="174"/>
        <source>&lt;b&gt;Payments:&lt;/b&gt; %1 (fraud: %2)</source>
        <extracomment>%1 payments in the range, %2 of them known fraud</extracomment>
        <translation>&lt;b&gt;付款：&lt;/b&gt;%1（欺诈：%2）</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="176"/>
        <source>&lt;b&gt;Would block:&lt;/b&gt; %1 — fraud %2 · disputed %3 · refunded %4</source>
        <extracomment>%1 payments the rules would block; %2, %3, %4 of them fraud, disputed, refunded</extracomment>
        <translation>&lt;b&gt;将拦截：&lt;/b&gt;%1 — 欺诈 %2 · 争议 %3 · 退款 %4</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="178"/>
        <source>&lt;b&gt;Would review:&lt;/b&gt; %1 — fraud %2 · disputed %3 · refunded %4</source>
        <translation>&lt;b&gt;将审核：&lt;/b&gt;%1 — 欺诈 %2 · 争议 %3 · 退款 %4</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="180"/>
        <source>&lt;b&gt;Revenue stopped:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;拦下的收入：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../views/risk/BacktestPanel.cpp" line="181"/>
        <source>none</source>
        <comment>revenue stopped</comment>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>souk::BulkEditController</name>
    <message numerus="yes">
        <location filename="../views/catalog/BulkEditController.cpp" line="31"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln 个商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalog/BulkEditController.cpp" line="36"/>
        <source>%Ln variant(s)</source>
        <translation>
            <numerusform>%Ln 个规格</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="50"/>
        <source>Set the status of %1 to “%2”?</source>
        <extracomment>%1 = &quot;120 products&quot;, %2 = a status such as &quot;Archived&quot;</extracomment>
        <translation>将 %1 的状态设为“%2”？</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="53"/>
        <source>Remove the category of %1?</source>
        <translation>移除 %1 的分类？</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="54"/>
        <source>Move %1 to the category “%2”?</source>
        <translation>将 %1 移至分类“%2”？</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="60"/>
        <source>Change the price of %1 in %2?</source>
        <extracomment>%1 = &quot;1,234 variants&quot;, %2 = &quot;120 products&quot;</extracomment>
        <translation>修改 %2 中 %1 的价格？</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="67"/>
        <source>Bulk edit</source>
        <translation>批量编辑</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="67"/>
        <source>&amp;Change</source>
        <translation>修改(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="70"/>
        <source>Applying the bulk edit…</source>
        <translation>正在应用批量编辑…</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="82"/>
        <source>Set the status of %1 to “%2”.</source>
        <translation>已将 %1 的状态设为“%2”。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="85"/>
        <source>Removed the category of %1.</source>
        <translation>已移除 %1 的分类。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="86"/>
        <source>Moved %1 to the category “%2”.</source>
        <translation>已将 %1 移至分类“%2”。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="92"/>
        <source>Changed the price of %1 in %2.</source>
        <translation>已修改 %2 中 %1 的价格。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="104"/>
        <source>&amp;Undo</source>
        <comment>undo the bulk edit</comment>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="112"/>
        <source>Undoing the bulk edit…</source>
        <translation>正在撤销批量编辑…</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="129"/>
        <source>The bulk edit cannot be undone: some of these products were changed after it. Nothing was undone.</source>
        <translation>无法撤销此次批量编辑：其中部分商品在批量编辑后又被修改过。未撤销任何内容。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditController.cpp" line="140"/>
        <source>Undid the bulk edit: %1 restored.</source>
        <translation>已撤销批量编辑：已恢复 %1。</translation>
    </message>
</context>
<context>
    <name>souk::BulkEditDialog</name>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="30"/>
        <source>Bulk edit</source>
        <translation>批量编辑</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="39"/>
        <source>%1 selected (%2).</source>
        <extracomment>%1 = &quot;120 products&quot;, %2 = &quot;1,234 variants&quot;</extracomment>
        <translation>已选择 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="46"/>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="47"/>
        <source>Set category</source>
        <translation>设置分类</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="48"/>
        <source>Change price by amount</source>
        <translation>按金额调价</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="49"/>
        <source>Change price by percent</source>
        <translation>按百分比调价</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="61"/>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="64"/>
        <source>&amp;Value:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="70"/>
        <source>&amp;Apply</source>
        <comment>apply a bulk edit</comment>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="100"/>
        <source>Empty removes the category</source>
        <translation>留空则移除分类</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="120"/>
        <source>Only the status changes; prices and stock stay as they are.</source>
        <translation>仅更改状态，价格和库存保持不变。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="124"/>
        <source>Pick a category or type a new one.</source>
        <translation>选择一个分类，或输入新分类。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="128"/>
        <source>e.g. 2.50 or -1.00</source>
        <translation>例如 2.50 或 -1.00</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="131"/>
        <source>Added to every variant&apos;s price, in %1. Use a minus sign to lower prices.</source>
        <extracomment>%1 is a currency code</extracomment>
        <translation>以 %1 计，加到每个规格的价格上。输入负数可降价。</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="135"/>
        <source>e.g. 10 or -2.5</source>
        <translation>例如 10 或 -2.5</translation>
    </message>
    <message>
        <location filename="../views/catalog/BulkEditDialog.cpp" line="136"/>
        <source>10 raises every price by 10 %, -25 lowers it by 25 %. Results are rounded half up to the nearest minor unit.</source>
        <translation>10 表示所有价格上调 10%，-25 表示下调 25%。结果按四舍五入保留到最小货币单位。</translation>
    </message>
</context>
<context>
    <name>souk::CatalogPage</name>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="122"/>
        <source>Search title, SKU or barcode (Ctrl+F)</source>
        <translation>搜索标题、SKU 或条码 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="127"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="128"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="133"/>
        <source>Category filter</source>
        <translation>分类筛选</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="137"/>
        <source>&amp;Low stock</source>
        <translation>低库存(&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="144"/>
        <source>Loading products</source>
        <translation>正在加载商品</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="146"/>
        <source>&amp;Bulk edit…</source>
        <translation>批量编辑(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="148"/>
        <source>Change the status, category or prices of the selected products</source>
        <translation>修改所选商品的状态、分类或价格</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="149"/>
        <source>&amp;New product</source>
        <translation>新建商品(&amp;N)</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="155"/>
        <source>Create a product (%1)</source>
        <translation>新建商品 (%1)</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="245"/>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="246"/>
        <source>No category</source>
        <comment>filter: products without a category</comment>
        <translation>未分类</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalog/CatalogPage.cpp" line="323"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln 个商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/catalog/CatalogPage.cpp" line="325"/>
        <source>%1 of %Ln product(s)</source>
        <extracomment>%1 = products shown (e.g. &quot;1,234&quot;); %Ln = all products (&quot;100,000 products&quot;)</extracomment>
        <translation>
            <numerusform>%1 / %Ln 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="327"/>
        <source>only the first %L1 matches are shown</source>
        <translation>仅显示前 %L1 个匹配结果</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="377"/>
        <source>&amp;Undo Product Edit</source>
        <translation>撤销商品编辑(&amp;U)</translation>
    </message>
    <message>
        <location filename="../views/catalog/CatalogPage.cpp" line="377"/>
        <source>&amp;Undo Bulk Edit</source>
        <translation>撤销批量编辑(&amp;U)</translation>
    </message>
</context>
<context>
    <name>souk::ChangePasswordDialog</name>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="36"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="40"/>
        <source>You signed in with a one-time password. Choose your own to go on: at least %1 characters; a few unrelated words are easy to remember and hard to guess.</source>
        <translation>您使用的是一次性密码。请先设置自己的密码再继续：至少 %1 个字符；几个互不相关的词组合起来既好记又难猜。</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="43"/>
        <source>At least %1 characters; a few unrelated words are easy to remember and hard to guess.</source>
        <translation>至少 %1 个字符；几个互不相关的词组合起来既好记又难猜。</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="50"/>
        <source>&amp;One-time password:</source>
        <translation>一次性密码(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="50"/>
        <source>&amp;Current password:</source>
        <translation>当前密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="51"/>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="52"/>
        <source>&amp;Repeat it:</source>
        <translation>确认新密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="54"/>
        <source>&amp;Save password</source>
        <translation>保存密码(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="58"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="58"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="76"/>
        <source>Enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="80"/>
        <source>The new password needs at least %1 characters.</source>
        <translation>新密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="84"/>
        <source>The two new passwords differ. Type the same one twice.</source>
        <translation>两次输入的新密码不一致。请输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="90"/>
        <source>Saving the password…</source>
        <translation>正在保存密码…</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="103"/>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <location filename="../views/people/ChangePasswordDialog.cpp" line="108"/>
        <source>Choose another new password: it must be at least %1 characters and differ from the current one.</source>
        <translation>请换一个新密码：至少 %1 个字符，且不能与当前密码相同。</translation>
    </message>
</context>
<context>
    <name>souk::ClusterAlertModel</name>
    <message>
        <location filename="../models/cluster/ClusterAlertModel.cpp" line="45"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterAlertModel.cpp" line="47"/>
        <source>%1  %2
%3</source>
        <extracomment>an alert in the cluster&apos;s list: %1 time, %2 node address, %3 what happened</extracomment>
        <translation>%1  %2
%3</translation>
    </message>
</context>
<context>
    <name>souk::ClusterMonitor</name>
    <message>
        <source>its metrics cannot be read: %1</source>
        <translation type="vanished">无法读取其指标：%1</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="85"/>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="87"/>
        <source>its certificate is not the one trusted</source>
        <translation>其证书不是所信任的证书</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="89"/>
        <source>its metrics cannot be read</source>
        <translation>无法读取其指标</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="91"/>
        <source>what answers there is not a Souk node</source>
        <translation>该地址上应答的不是 Souk 节点</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="93"/>
        <source>no answer for %n seconds</source>
        <translation>
            <numerusform>%n 秒无应答</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="95"/>
        <source>not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="97"/>
        <source>shutting down</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="99"/>
        <source>its store is damaged</source>
        <translation>其存储已损坏</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="224"/>
        <source>answering again</source>
        <translation>已恢复响应</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="229"/>
        <source>suspect: %1</source>
        <translation>可疑：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="233"/>
        <source>dead: no answer for %n seconds</source>
        <translation>
            <numerusform>宕机：已 %n 秒无响应</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="247"/>
        <source>%1 % of requests failed in the last %n seconds</source>
        <translation>
            <numerusform>最近 %n 秒内 %1% 的请求失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterMonitor.cpp" line="253"/>
        <source>%n provider calls need a person (dead letters)</source>
        <translation>
            <numerusform>%n 笔支付服务商调用需要人工处理（死信）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="321"/>
        <source>database primary moved from %1 to %2</source>
        <extracomment>the database failed over: %1 and %2 are servers (&quot;127.0.0.1:5432&quot;)</extracomment>
        <translation>数据库主库已从 %1 切换到 %2</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="328"/>
        <source>database standby %1 is %2 s behind</source>
        <extracomment>%1 a standby&apos;s name, %2 seconds behind the primary</extracomment>
        <translation>数据库备库 %1 落后 %2 秒</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterMonitor.cpp" line="336"/>
        <source>database primary has no standby: a failure now would stop writes</source>
        <translation>数据库主库没有备库：此时再出故障将无法写入</translation>
    </message>
</context>
<context>
    <name>souk::ClusterNodeModel</name>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="28"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="30"/>
        <source>live</source>
        <translation>存活</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="32"/>
        <source>suspect</source>
        <translation>可疑</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="34"/>
        <source>dead</source>
        <translation>宕机</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="79"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="81"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="83"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="vanished">
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="vanished">
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="85"/>
        <source>%1 d %2 h</source>
        <extracomment>an uptime of days and hours: %1 days, %2 hours</extracomment>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="113"/>
        <source>%1%</source>
        <extracomment>a share in percent, as the locale writes it</extracomment>
        <translation>%1%</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="135"/>
        <source>Metrics answered in %n ms</source>
        <translation>
            <numerusform>指标在 %n 毫秒内返回</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="173"/>
        <source>API requests over the last 10 seconds, without health checks</source>
        <translation>最近 10 秒内的 API 请求，不含健康检查</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="175"/>
        <source>Requests and connections refused by a limit, per second</source>
        <translation>每秒因超出限制而被拒绝的请求和连接</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="177"/>
        <source>Commands waiting for the node&apos;s writer</source>
        <translation>等待节点写入线程执行的命令</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="179"/>
        <source>Provider calls decided and not yet confirmed</source>
        <translation>已决定、尚未得到支付服务商确认的调用（出站队列）</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="181"/>
        <source>Provider calls that gave up and wait for a person</source>
        <translation>已放弃重试、等待人工处理的支付服务商调用</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="190"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="192"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="194"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="196"/>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="198"/>
        <source>Requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="200"/>
        <source>p50 ms</source>
        <translation>p50 毫秒</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="202"/>
        <source>p99 ms</source>
        <translation>p99 毫秒</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="204"/>
        <source>Errors</source>
        <translation>错误率</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="206"/>
        <source>In flight</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="208"/>
        <source>Refused/s</source>
        <translation>拒绝/秒</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="210"/>
        <source>Writer queue</source>
        <translation>写入队列</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="212"/>
        <source>Outbox</source>
        <translation>出站队列</translation>
    </message>
    <message>
        <location filename="../models/cluster/ClusterNodeModel.cpp" line="214"/>
        <source>Dead letters</source>
        <translation>死信</translation>
    </message>
</context>
<context>
    <name>souk::ClusterPage</name>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="167"/>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="168"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="169"/>
        <source>No alerts: a node turning suspect or dead, failing requests and dead letters are listed here with their time, and marked on the charts.</source>
        <translation>暂无告警。节点变为可疑或宕机、请求失败和出现死信时，都会连同时间列在这里，并在图表上标出。</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="171"/>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="172"/>
        <source>Latency (ms): p50 solid, p99 dashed</source>
        <translation>延迟（毫秒）：p50 实线，p99 虚线</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="173"/>
        <source>Server errors per second</source>
        <translation>每秒服务器错误数</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="174"/>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="175"/>
        <source>Payments approved (%), last minute</source>
        <translation>最近一分钟付款批准率（%）</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="176"/>
        <source>Provider calls failing per minute</source>
        <translation>每分钟失败的支付服务商调用</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="177"/>
        <source>No node has
answered yet</source>
        <translation>还没有节点
作出响应</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="180"/>
        <source>No API requests
to time yet</source>
        <translation>还没有可计时的
API 请求</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="181"/>
        <source>No payment decided
in the last minute</source>
        <translation>最近一分钟内
没有已决定的付款</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="210"/>
        <source>%1 of %n nodes live</source>
        <extracomment>the cluster&apos;s summary: %1 nodes answering out of %n</extracomment>
        <translation>
            <numerusform>%n 个节点中 %1 个存活</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="212"/>
        <source>%n suspect</source>
        <translation>
            <numerusform>%n 个可疑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="214"/>
        <source>%n dead</source>
        <translation>
            <numerusform>%n 个宕机</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="215"/>
        <source>each looked at every second</source>
        <translation>每秒检查一次</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="256"/>
        <source>Database: primary %1</source>
        <extracomment>%1 the PostgreSQL server the nodes write to (&quot;127.0.0.1:5432&quot;)</extracomment>
        <translation>数据库：主库 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/cluster/ClusterPage.cpp" line="258"/>
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n 个连接</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="260"/>
        <source>no standby</source>
        <translation>没有备库</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="263"/>
        <source>state not visible (grant pg_monitor to the nodes&apos; role)</source>
        <translation>状态不可见（请为节点的角色授予 pg_monitor）</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="272"/>
        <source>standby %1 (%2): %3, %4 and %5 s behind</source>
        <extracomment>%1 the standby&apos;s name, %2 its address, %3 its state (&quot;streaming, sync&quot;), %4 bytes and %5 seconds behind</extracomment>
        <translation>备库 %1（%2）：%3，落后 %4、%5 秒</translation>
    </message>
    <message>
        <location filename="../views/cluster/ClusterPage.cpp" line="300"/>
        <location filename="../views/cluster/ClusterPage.cpp" line="301"/>
        <location filename="../views/cluster/ClusterPage.cpp" line="302"/>
        <source>all nodes</source>
        <translation>全部节点</translation>
    </message>
</context>
<context>
    <name>souk::ConnectDialog</name>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="41"/>
        <source>Connect to a node</source>
        <translation>连接到节点</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="44"/>
        <source>You signed out. Connect to a node again, or open the store on this computer.</source>
        <translation>您已退出登录。请重新连接到节点，或打开本机上的店铺数据。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="45"/>
        <source>Work on a Souk node (soukd) over HTTPS instead of the store on this computer.</source>
        <translation>通过 HTTPS 使用 Souk 节点（soukd），而不是本机上的店铺数据。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="51"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="55"/>
        <source>Open this computer&apos;s &amp;store</source>
        <translation>打开本机店铺数据(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="60"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="60"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="89"/>
        <source>&amp;Recent connections</source>
        <translation>最近的连接(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="94"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="94"/>
        <source>Signed in as</source>
        <translation>登录身份</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="94"/>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="100"/>
        <source>&amp;Forget</source>
        <translation>忘记(&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="102"/>
        <source>Remove the connection from the list and its saved key or session from the keychain</source>
        <translation>从列表中移除此连接，并从钥匙串中删除其保存的密钥或会话</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="140"/>
        <source>A node&apos;s address. For a cluster, its nodes&apos; addresses separated by commas: the console spreads its work over them and moves off a node that stops answering.</source>
        <translation>节点的地址。集群则填写各节点的地址，用逗号分隔：控制台把工作分配到这些节点上，并避开不再应答的节点。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="145"/>
        <source>Each node in turn</source>
        <translation>各节点轮流</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="146"/>
        <source>The node with the fewest requests waiting</source>
        <translation>等待中请求最少的节点</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="147"/>
        <source>One node per merchant</source>
        <translation>每个商家固定一个节点</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="148"/>
        <source>Which node each request goes to. One node per merchant keeps a merchant&apos;s work on one node while it is healthy.</source>
        <translation>每个请求发往哪个节点。“每个商家固定一个节点”会在节点正常时让同一商家的工作始终留在同一节点上。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="151"/>
        <source>Sign in with a &amp;password</source>
        <translation>使用密码登录(&amp;P)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="153"/>
        <source>Use an &amp;API key</source>
        <translation>使用 API 密钥(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="172"/>
        <source>Only if two-step sign-in is on</source>
        <translation>仅在开启两步登录时填写</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="173"/>
        <source>The 6-digit code from your authenticator app, or one of your recovery codes.</source>
        <translation>身份验证器应用中的 6 位验证码，或您的一个恢复码。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="176"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="177"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="178"/>
        <source>Co&amp;de:</source>
        <translation>验证码(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="187"/>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="201"/>
        <source>&amp;Remember the session or key in this computer&apos;s keychain</source>
        <translation>在本机钥匙串中记住会话或密钥(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="216"/>
        <source>&amp;Node URL:</source>
        <translation>节点地址(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="217"/>
        <source>Spread &amp;requests:</source>
        <translation>请求分配(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="251"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/connect/ConnectDialog.cpp" line="276"/>
        <source>%1 and %n more</source>
        <extracomment>a recent connection to a cluster; %1 = its first node&apos;s URL, %n = how many more nodes</extracomment>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="278"/>
        <source>API key (%1)</source>
        <extracomment>who a recent connection acted as; %1 = the API key&apos;s user</extracomment>
        <translation>API 密钥（%1）</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="314"/>
        <source>Empty: the saved session, if there is one</source>
        <translation>留空：使用已保存的会话（如有）</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="315"/>
        <source>Empty: the saved key, if there is one</source>
        <translation>留空：使用已保存的密钥（如有）</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="334"/>
        <source>The saved key or session could not be removed from the keychain.</source>
        <translation>无法从钥匙串中删除已保存的密钥或会话。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="338"/>
        <source>Forgot the connection to %1.</source>
        <translation>已忘记与 %1 的连接。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectDialog.cpp" line="349"/>
        <source>No keychain service is available on this computer, so Souk cannot remember keys or sessions: you enter them each time. (Souk never writes them to a plain file.)</source>
        <translation>本机没有可用的钥匙串服务，因此 Souk 无法记住密钥或会话：每次都需要重新输入。（Souk 从不将它们写入普通文件。）</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="50"/>
        <source>Paste the API key.</source>
        <translation>请粘贴 API 密钥。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="52"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="70"/>
        <source>An API key has no spaces: paste it again.</source>
        <translation>API 密钥中没有空格：请重新粘贴。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="79"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="96"/>
        <source>Enter the node&apos;s address, such as https://node-1.example:8443.</source>
        <translation>请输入节点地址，例如 https://node-1.example:8443。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/connect/ConnectFlow.cpp" line="100"/>
        <source>A connection holds at most %n nodes.</source>
        <translation>
            <numerusform>一个连接最多包含 %n 个节点。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="109"/>
        <source>Souk talks to nodes over HTTPS only: the address starts with https://.</source>
        <extracomment>%1 = what was typed</extracomment>
        <translation>Souk 仅通过 HTTPS 与节点通信：地址须以 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="110"/>
        <source>Souk talks to nodes over HTTPS only: “%1” does not start with https://.</source>
        <translation>Souk 只通过 HTTPS 与节点通信：“%1”没有以 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="120"/>
        <location filename="../views/connect/ConnectFlow.cpp" line="263"/>
        <source>This is not a node&apos;s address. Write it as https://HOST:PORT.</source>
        <extracomment>%1 = what was typed</extracomment>
        <translation>这不是节点地址。请写成 https://主机:端口。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="121"/>
        <source>“%1” is not a node&apos;s address. Write it as https://HOST:PORT.</source>
        <translation>“%1”不是节点地址。请写成 https://HOST:PORT。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="127"/>
        <source>%1 is listed twice.</source>
        <extracomment>%1 = the node&apos;s URL</extracomment>
        <translation>%1 重复填写了两次。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="158"/>
        <source>Reading the keychain…</source>
        <translation>正在读取钥匙串…</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="166"/>
        <source>No key is saved for this connection: paste the API key.</source>
        <translation>此连接没有保存密钥：请粘贴 API 密钥。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="168"/>
        <source>No session is saved for this connection: enter your password.</source>
        <translation>此连接没有保存会话：请输入密码。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="191"/>
        <source>Connecting to %1…</source>
        <extracomment>%1 = the node&apos;s URL</extracomment>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="208"/>
        <source>Signing in as %1…</source>
        <extracomment>%1 = user name</extracomment>
        <translation>正在以 %1 身份登录…</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="233"/>
        <source>No keychain service is available, so the key or session was not saved: you enter it again next time.</source>
        <translation>没有可用的钥匙串服务，因此未保存密钥或会话：下次需要重新输入。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="240"/>
        <source>Saving in the keychain…</source>
        <translation>正在保存到钥匙串…</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="247"/>
        <source>The keychain did not take the key or session, so it was not saved: you enter it again next time.</source>
        <translation>钥匙串未能保存密钥或会话：下次需要重新输入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/connect/ConnectFlow.cpp" line="271"/>
        <source>None of the %n nodes answered. Check the addresses and that the nodes run.</source>
        <translation>
            <numerusform>%n 个节点都没有应答。请检查地址以及节点是否在运行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="280"/>
        <source>The node at %1 did not answer. Check the address and that the node runs.</source>
        <extracomment>%1 = the node&apos;s URL</extracomment>
        <translation>%1 的节点没有响应。请检查地址以及节点是否在运行。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="296"/>
        <source>The node no longer accepts the saved key: paste an API key.</source>
        <translation>节点不再接受已保存的密钥：请粘贴 API 密钥。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="297"/>
        <source>The saved session has ended: enter your password to sign in again.</source>
        <translation>已保存的会话已结束：请输入密码重新登录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/connect/ConnectFlow.cpp" line="304"/>
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>登录失败次数过多。请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="306"/>
        <source>This user is disabled. Ask an owner or an administrator.</source>
        <translation>此用户已停用。请联系店主或管理员。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="311"/>
        <source>The node does not accept this API key: it is wrong, revoked or expired.</source>
        <translation>节点不接受此 API 密钥：它有误、已吊销或已过期。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="319"/>
        <source>Two-step sign-in is on for this user: enter the code from your authenticator app.</source>
        <translation>此用户已开启两步登录：请输入身份验证器应用中的验证码。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="320"/>
        <source>The code is wrong or was already used. Wait for the next code and try again.</source>
        <translation>验证码错误或已被使用。请等待下一个验证码后重试。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="325"/>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="338"/>
        <source>Not connected: the node&apos;s certificate changed, and you did not trust the new one.</source>
        <translation>未连接：节点的证书已更改，而您没有信任新证书。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="340"/>
        <source>Not connected: you did not trust the node&apos;s certificate.</source>
        <translation>未连接：您没有信任节点的证书。</translation>
    </message>
    <message>
        <location filename="../views/connect/ConnectFlow.cpp" line="351"/>
        <source>Stopped: not connected.</source>
        <translation>已停止：未连接。</translation>
    </message>
</context>
<context>
    <name>souk::CreateApiKeyDialog</name>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="42"/>
        <source>New API key for %1</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>为 %1 创建 API 密钥</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="45"/>
        <source>A program that holds this key acts as %1, with their role. Make one key per program, so you can revoke one without stopping the others.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>持有此密钥的程序将以 %1 的身份和角色执行操作。请为每个程序单独创建密钥，这样吊销其中一个时不会影响其他程序。</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="54"/>
        <source>What uses it, e.g. warehouse sync</source>
        <translation>用途，例如“仓库同步”</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="59"/>
        <source>Never</source>
        <comment>API key expiry</comment>
        <translation>永不过期</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="60"/>
        <source>In 30 days</source>
        <comment>API key expiry</comment>
        <translation>30 天后</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="61"/>
        <source>In 90 days</source>
        <comment>API key expiry</comment>
        <translation>90 天后</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="62"/>
        <source>In 365 days</source>
        <comment>API key expiry</comment>
        <translation>365 天后</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="67"/>
        <source>&amp;Name:</source>
        <comment>API key name</comment>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="69"/>
        <source>&amp;Expires:</source>
        <comment>API key</comment>
        <translation>过期时间(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="73"/>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="145"/>
        <source>&amp;Create key</source>
        <translation>创建密钥(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="99"/>
        <source>Name the key after what uses it, so you know which to revoke later.</source>
        <translation>请按用途为密钥命名，以便日后知道该吊销哪一个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="125"/>
        <source>At most %n characters.</source>
        <translation>
            <numerusform>最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="130"/>
        <source>Pick a time in the future.</source>
        <translation>请选择一个将来的时间。</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="135"/>
        <source>This user is disabled: a key for them would not work.</source>
        <translation>此用户已停用：为其创建的密钥将无法使用。</translation>
    </message>
    <message>
        <location filename="../views/people/CreateApiKeyDialog.cpp" line="145"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
</context>
<context>
    <name>souk::DecisionDialog</name>
    <message numerus="yes">
        <location filename="../views/risk/DecisionDialog.cpp" line="25"/>
        <source>Approve %n review(s)? The payment is captured and the order goes ahead.</source>
        <translation>
            <numerusform>批准 %n 条审核？将扣款，订单继续处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/DecisionDialog.cpp" line="28"/>
        <source>Decline %n review(s)? The payment is voided, the order cancelled and the goods restocked.</source>
        <translation>
            <numerusform>拒绝 %n 条审核？将撤销授权、取消订单并把商品放回库存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/DecisionDialog.cpp" line="32"/>
        <source>Mark %n review(s) as fraud? The payment is voided, the order cancelled and the payment labelled fraud.</source>
        <translation>
            <numerusform>将 %n 条审核标记为欺诈？将撤销授权、取消订单，并把该付款标记为欺诈。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/DecisionDialog.cpp" line="56"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../views/risk/DecisionDialog.cpp" line="57"/>
        <source>Add card and email to block lists</source>
        <translation>将银行卡和邮箱加入封禁名单</translation>
    </message>
    <message>
        <location filename="../views/risk/DecisionDialog.cpp" line="61"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../views/risk/DecisionDialog.cpp" line="62"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>souk::DemoTrafficBar</name>
    <message>
        <location filename="../views/orders/DemoTrafficBar.cpp" line="20"/>
        <source>Demo traffic:</source>
        <translation>演示流量：</translation>
    </message>
    <message>
        <location filename="../views/orders/DemoTrafficBar.cpp" line="26"/>
        <source> orders/s</source>
        <extracomment>unit after the demo traffic rate, e.g. &quot;5 orders/s&quot;</extracomment>
        <translation> 单/秒</translation>
    </message>
    <message>
        <location filename="../views/orders/DemoTrafficBar.cpp" line="27"/>
        <source>Demo orders per second</source>
        <translation>每秒演示订单数</translation>
    </message>
    <message>
        <location filename="../views/orders/DemoTrafficBar.cpp" line="42"/>
        <source>%1 orders placed</source>
        <extracomment>how many demo orders were placed so far</extracomment>
        <translation>已下 %1 单</translation>
    </message>
    <message>
        <location filename="../views/orders/DemoTrafficBar.cpp" line="45"/>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <location filename="../views/orders/DemoTrafficBar.cpp" line="61"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../views/orders/DemoTrafficBar.cpp" line="61"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>souk::ImportDonePage</name>
    <message>
        <location filename="../views/import/ImportDonePage.cpp" line="37"/>
        <source>Imported</source>
        <comment>import wizard page title</comment>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../views/import/ImportDonePage.cpp" line="38"/>
        <source>The products are in the catalog now.</source>
        <translation>商品已添加到商品目录。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportDonePage.cpp" line="51"/>
        <source>Press Finish to close this window. The catalog shows the new products already.</source>
        <translation>点击“完成”关闭此窗口。商品目录中已显示新商品。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportDonePage.cpp" line="68"/>
        <source>Created %1, updated %2 products (%3 variants) in %4 s.</source>
        <extracomment>%1 products created, %2 products updated, %3 variants written, %4 seconds (e.g. &quot;1.3&quot;)</extracomment>
        <translation>已新建 %1 个、更新 %2 个商品（共 %3 个规格），用时 %4 秒。</translation>
    </message>
</context>
<context>
    <name>souk::ImportFilePage</name>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="37"/>
        <source>Choose a file</source>
        <comment>import wizard page title</comment>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="38"/>
        <source>Souk reads the whole file and checks every row before anything is imported.</source>
        <translation>导入前，Souk 会读取整个文件并检查每一行。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="42"/>
        <source>Path of a .csv file</source>
        <translation>CSV 文件路径</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="44"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="55"/>
        <source>Souk CSV</source>
        <comment>import file format</comment>
        <translation>Souk CSV</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="56"/>
        <source>Shopify CSV</source>
        <comment>import file format</comment>
        <translation>Shopify CSV</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="58"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="66"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="70"/>
        <source>F&amp;ormat:</source>
        <comment>import file format</comment>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="94"/>
        <source>Shopify CSV is the file Shopify exports under Products → Export: rows that share a Handle are the variants of one product.</source>
        <translation>Shopify CSV 是在 Shopify 的“产品 → 导出”中导出的文件：Handle 相同的各行是同一商品的不同规格。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="96"/>
        <source>Souk CSV is the file Souk exports: one row per SKU, with the columns handle, title, sku and price at least.</source>
        <translation>Souk CSV 是 Souk 导出的文件：每个 SKU 一行，至少包含 handle、title、sku 和 price 列。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="99"/>
        <source>Files up to %1 can be imported. Products whose handle already exists are updated.</source>
        <extracomment>%1 = the largest file accepted, e.g. &quot;200 MB&quot;</extracomment>
        <translation>可导入不超过 %1 的文件。网址标识已存在的商品将被更新。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="125"/>
        <source>Choose a catalog file</source>
        <translation>选择商品目录文件</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="125"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="169"/>
        <source>There is no file at this path.</source>
        <translation>此路径下找不到文件。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="171"/>
        <source>This is a folder. Choose a .csv file.</source>
        <translation>这是一个文件夹。请选择 .csv 文件。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="173"/>
        <source>This file is empty.</source>
        <translation>此文件为空。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="176"/>
        <source>This file is %1; Souk imports files up to %2. Split it into smaller files and import them one after the other.</source>
        <extracomment>%1 = size of the file, %2 = the largest size accepted (e.g. &quot;312 MB&quot;, &quot;200 MB&quot;)</extracomment>
        <translation>此文件大小为 %1，而 Souk 最多可导入 %2 的文件。请将其拆分为多个较小的文件，再逐个导入。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportFilePage.cpp" line="180"/>
        <source>This file cannot be read. Check that you may open it.</source>
        <translation>无法读取此文件。请检查您是否有权限打开它。</translation>
    </message>
</context>
<context>
    <name>souk::ImportPreviewModel</name>
    <message>
        <location filename="../models/import/ImportPreviewModel.cpp" line="116"/>
        <source>%1, %2 in %3</source>
        <extracomment>import summary: %1 products, %2 variants, %3 rows of the file, e.g. &quot;3 products, 5 variants in 5 rows&quot;</extracomment>
        <translation>共 %3：%1，%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="112"/>
        <source>%Ln product(s)</source>
        <comment>import summary</comment>
        <translation>
            <numerusform>%Ln 个商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="113"/>
        <source>%Ln variant(s)</source>
        <comment>import summary</comment>
        <translation>
            <numerusform>%Ln 个规格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="114"/>
        <source>%Ln row(s)</source>
        <comment>import summary</comment>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="121"/>
        <source>%Ln row(s) have problems. Fix the file and choose it again; nothing has been imported.</source>
        <translation>
            <numerusform>%Ln 行有问题。请修正文件后重新选择；尚未导入任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/import/ImportPreviewModel.cpp" line="147"/>
        <source>(whole row)</source>
        <extracomment>import error that concerns the whole row, not one column</extracomment>
        <translation>（整行）</translation>
    </message>
    <message>
        <location filename="../models/import/ImportPreviewModel.cpp" line="78"/>
        <location filename="../models/import/ImportPreviewModel.cpp" line="179"/>
        <source>Line</source>
        <comment>line number in the import file</comment>
        <translation>行号</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="64"/>
        <source>%Ln variant(s) have no SKU in the file. Souk gives each one a SKU made of the product handle and its option values, such as “%1”, so importing the file again updates the same variants.</source>
        <comment>import preview</comment>
        <extracomment>%1 = an example of such a SKU, e.g. &quot;classic-tee-s-blue&quot;</extracomment>
        <translation>
            <numerusform>文件中有 %Ln 个规格没有 SKU。Souk 会用商品的网址标识和属性值为每个规格生成 SKU，例如“%1”，因此再次导入此文件时会更新相同的规格。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/import/ImportPreviewModel.cpp" line="70"/>
        <source>%Ln variant(s) have stock below zero in the file (sold while out of stock); their stock starts at 0 in Souk.</source>
        <comment>import preview</comment>
        <translation>
            <numerusform>文件中有 %Ln 个规格的库存低于零（缺货时仍在销售）；在 Souk 中它们的库存从 0 开始。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/import/ImportPreviewModel.cpp" line="78"/>
        <location filename="../models/import/ImportPreviewModel.cpp" line="181"/>
        <source>Column</source>
        <comment>column of the import file</comment>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../models/import/ImportPreviewModel.cpp" line="79"/>
        <location filename="../models/import/ImportPreviewModel.cpp" line="183"/>
        <source>Problem</source>
        <comment>what is wrong with the value</comment>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>souk::ImportPreviewPage</name>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="36"/>
        <source>Check the file</source>
        <comment>import wizard page title</comment>
        <translation>检查文件</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="37"/>
        <source>Nothing is written at this step.</source>
        <translation>此步骤不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="39"/>
        <source>&amp;Import</source>
        <comment>start writing the checked file</comment>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="58"/>
        <source>&amp;Save the list of problems…</source>
        <translation>保存问题列表(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="61"/>
        <source>Save every problem, with its line and column, as a CSV file to fix the file by.</source>
        <translation>将所有问题连同行号和列名保存为 CSV 文件，便于对照修改原文件。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="144"/>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="159"/>
        <source>Checking cancelled; nothing has been imported.</source>
        <translation>检查已取消；未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="162"/>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="188"/>
        <source>The file has no products. Check that it has a header row and at least one product row.</source>
        <translation>文件中没有商品。请检查文件是否包含标题行以及至少一行商品数据。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="198"/>
        <source>The table lists the first %1 of %2 products.</source>
        <extracomment>%1 = how many products the table lists, %2 = how many the file holds</extracomment>
        <translation>下表列出了 %2 个商品中的前 %1 个。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="208"/>
        <source>This file looks like a Shopify product export, but it was checked as Souk CSV.</source>
        <translation>此文件看起来是 Shopify 导出的商品文件，但它是按 Souk CSV 格式检查的。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="210"/>
        <source>This file looks like a Souk CSV file, but it was checked as Shopify CSV.</source>
        <translation>此文件看起来是 Souk CSV 文件，但它是按 Shopify CSV 格式检查的。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="211"/>
        <source>&amp;Check as Shopify CSV</source>
        <translation>按 Shopify CSV 检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="211"/>
        <source>&amp;Check as Souk CSV</source>
        <translation>按 Souk CSV 检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="222"/>
        <source>%1-problems.csv</source>
        <extracomment>file name suggested for the list of problems; %1 = the imported file&apos;s name without &quot;.csv&quot;</extracomment>
        <translation>%1-问题.csv</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="223"/>
        <source>Save the list of problems</source>
        <translation>保存问题列表</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="229"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="229"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="243"/>
        <source>Saved the list of problems to %1.</source>
        <translation>问题列表已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportPreviewPage.cpp" line="245"/>
        <source>The list of problems could not be saved. Check the folder and try again.</source>
        <translation>无法保存问题列表。请检查文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>souk::ImportProductPreviewModel</name>
    <message>
        <location filename="../models/import/ImportProductPreviewModel.cpp" line="78"/>
        <source>Handle</source>
        <comment>product URL key</comment>
        <translation>网址标识</translation>
    </message>
    <message>
        <location filename="../models/import/ImportProductPreviewModel.cpp" line="80"/>
        <source>Title</source>
        <comment>product title</comment>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models/import/ImportProductPreviewModel.cpp" line="82"/>
        <source>Variants</source>
        <translation>规格数</translation>
    </message>
    <message>
        <location filename="../models/import/ImportProductPreviewModel.cpp" line="84"/>
        <source>Price</source>
        <comment>price of the first variant</comment>
        <translation>价格</translation>
    </message>
</context>
<context>
    <name>souk::ImportRunPage</name>
    <message>
        <location filename="../views/import/ImportRunPage.cpp" line="23"/>
        <source>Import</source>
        <comment>import wizard page title</comment>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../views/import/ImportRunPage.cpp" line="24"/>
        <source>Every row is written, or none: a cancelled or failed import changes nothing.</source>
        <translation>要么写入全部行，要么一行都不写入：取消或失败的导入不会产生任何更改。</translation>
    </message>
    <message>
        <location filename="../views/import/ImportRunPage.cpp" line="31"/>
        <source>&amp;Try again</source>
        <comment>run the import again</comment>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/import/ImportRunPage.cpp" line="76"/>
        <source>Writing products…</source>
        <translation>正在写入商品…</translation>
    </message>
    <message>
        <location filename="../views/import/ImportRunPage.cpp" line="87"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>souk::ImportWizard</name>
    <message>
        <location filename="../views/import/ImportWizard.cpp" line="17"/>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
</context>
<context>
    <name>souk::LinkStatusLabel</name>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="24"/>
        <source>● Online · %1 ms</source>
        <extracomment>status bar: the link to the node is up; %1 = round trip of the last request in milliseconds</extracomment>
        <translation>● 在线 · %1 毫秒</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="24"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="26"/>
        <source>◌ Reconnecting…</source>
        <translation>◌ 正在重新连接…</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="29"/>
        <source>○ Offline since %1</source>
        <extracomment>status bar; %1 = the time the node stopped answering (&quot;14:05&quot;)</extracomment>
        <translation>○ 自 %1 起离线</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="38"/>
        <source> · %1 of %2 nodes</source>
        <extracomment>status bar, after the link&apos;s state, for a cluster; %1 = nodes taking requests, %2 = nodes</extracomment>
        <translation> · %1/%2 个节点</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="44"/>
        <source>Requests go to the nodes that answer; the others are checked every few seconds and taken back when they answer again.</source>
        <translation>请求发往正在应答的节点；其他节点每隔几秒检查一次，恢复应答后重新启用。</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="46"/>
        <source>The node answers. The number is the round trip of the last request.</source>
        <translation>节点有响应。数字为最近一次请求的往返时间。</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="50"/>
        <source>A request to the node failed on the network; Souk is trying again.</source>
        <translation>发往节点的请求因网络问题失败；Souk 正在重试。</translation>
    </message>
    <message>
        <location filename="../views/connect/LinkStatusLabel.cpp" line="54"/>
        <source>The node does not answer. Changes you make now fail; Souk keeps trying.</source>
        <translation>节点没有响应。现在所做的更改会失败；Souk 会继续尝试。</translation>
    </message>
</context>
<context>
    <name>souk::ListsTab</name>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="56"/>
        <source>&amp;New list…</source>
        <translation>新建名单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="84"/>
        <source>Filter values…</source>
        <translation>筛选值…</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="103"/>
        <source>&amp;Add values…</source>
        <translation>添加值(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="107"/>
        <source>&amp;Remove selected</source>
        <translation>移除所选(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="110"/>
        <source>Removes the selected values from the list (Delete)</source>
        <translation>从名单中移除所选的值（Delete 键）</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="145"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="188"/>
        <source>%1 · %2</source>
        <extracomment>%1 a list&apos;s name as rules write it (@blocked_emails), %2 what it holds (&quot;Email addresses&quot;)</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="216"/>
        <source>Pick a list to see its values.</source>
        <translation>选择一个名单以查看其中的值。</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="218"/>
        <source>No lists yet. Create one with “New list…”: rules name it as @name, for example “Block if :email: in @blocked_emails”.</source>
        <translation>还没有名单。用“新建名单…”创建一个：规则以 @名称 引用它，例如“Block if :email: in @blocked_emails”。</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="220"/>
        <source>No lists yet. Rules name a list as @name, for example “Block if :email: in @blocked_emails”.</source>
        <translation>还没有名单。规则以 @名称 引用名单，例如“Block if :email: in @blocked_emails”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="226"/>
        <source>%n value(s)</source>
        <extracomment>values of the selected list; %1 shown by the filter, %n all</extracomment>
        <translation>
            <numerusform>%n 个值</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="227"/>
        <source>%1 of %n value(s)</source>
        <translation>
            <numerusform>%1 / %n 个值</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="238"/>
        <source>List %1 created.</source>
        <extracomment>%1 a list&apos;s name as rules write it: @blocked_emails</extracomment>
        <translation>已创建名单 %1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="254"/>
        <source>Added %n new value(s) to %1.</source>
        <extracomment>%1 a list&apos;s name (@blocked_emails); %n values that were new to it</extracomment>
        <translation>
            <numerusform>已向 %1 添加 %n 个新值。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="274"/>
        <source>Remove “%1” from %2?</source>
        <extracomment>%1 a list&apos;s name (@blocked_emails)</extracomment>
        <translation>从 %2 中移除“%1”？</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="275"/>
        <source>Remove %n value(s) from %1?</source>
        <translation>
            <numerusform>从 %1 中移除 %n 个值？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="276"/>
        <source>Remove values</source>
        <translation>移除值</translation>
    </message>
    <message>
        <location filename="../views/risk/ListsTab.cpp" line="276"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ListsTab.cpp" line="286"/>
        <source>Removed %n value(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 移除 %n 个值。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::MainWindow</name>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="75"/>
        <source>%1 – Souk</source>
        <extracomment>main window title; %1 = merchant name</extracomment>
        <translation>%1 – Souk</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="78"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="101"/>
        <source>Catalog</source>
        <comment>sidebar page</comment>
        <translation>商品目录</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="103"/>
        <source>Orders</source>
        <comment>sidebar page</comment>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="107"/>
        <source>Payouts</source>
        <comment>sidebar page</comment>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="109"/>
        <source>Reviews</source>
        <comment>sidebar page</comment>
        <translation>风险审核</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="112"/>
        <source>Risk</source>
        <comment>sidebar page</comment>
        <translation>风控</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="131"/>
        <source>The store file is damaged, so Souk stopped saving changes. You can still view and export what it holds; restore the newest backup to go on.</source>
        <translation>存储文件已损坏，Souk 已停止保存更改。您仍可查看和导出其中的数据；请恢复最新的备份后再继续。</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="134"/>
        <source>Read-only: the store is damaged</source>
        <translation>只读：存储文件已损坏</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="175"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="176"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="179"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="203"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="208"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo Bulk Edit</source>
        <translation type="vanished">撤销批量编辑(&amp;U)</translation>
    </message>
    <message>
        <source>Owner</source>
        <comment>role</comment>
        <translation type="vanished">店主</translation>
    </message>
    <message>
        <source>Staff</source>
        <comment>role</comment>
        <translation type="vanished">店员</translation>
    </message>
    <message>
        <source>Support</source>
        <comment>role</comment>
        <translation type="vanished">客服</translation>
    </message>
    <message>
        <source>Operator</source>
        <comment>role</comment>
        <translation type="vanished">运维</translation>
    </message>
    <message>
        <source>Administrator</source>
        <comment>role</comment>
        <translation type="vanished">管理员</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="114"/>
        <source>Users</source>
        <comment>sidebar page</comment>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="116"/>
        <source>Audit log</source>
        <comment>sidebar page</comment>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="118"/>
        <source>Cluster</source>
        <comment>sidebar page</comment>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="185"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="188"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="191"/>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="195"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="218"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="222"/>
        <source>&amp;Light</source>
        <comment>palette</comment>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="224"/>
        <source>&amp;Dark</source>
        <comment>palette</comment>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="231"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="232"/>
        <source>&amp;About Souk</source>
        <translation>关于 Souk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="250"/>
        <source>%1 (%2)</source>
        <comment>page and shortcut</comment>
        <extracomment>tooltip of a sidebar page: %1 the page (&quot;Orders&quot;), %2 its shortcut (&quot;Ctrl+2&quot;)</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="261"/>
        <source>Store: %1</source>
        <translation>数据文件：%1</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="260"/>
        <source>Node: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="259"/>
        <source>Nodes: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="268"/>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="284"/>
        <source>%1 · %2</source>
        <extracomment>status bar: %1 = user name, %2 = role (&quot;Owner&quot;)</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="285"/>
        <source>Signed in as %1 (%2). File ▸ Sign out ends the session.</source>
        <translation>已以 %1（%2）的身份登录。选择“文件 ▸ 退出登录”可结束会话。</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="288"/>
        <source>This store has no users: whoever opens it is its owner. Add users on the Users page to make everyone sign in.</source>
        <translation>此数据文件没有用户：任何打开它的人都是店主。在“用户”页面添加用户后，所有人都需要登录。</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="395"/>
        <source>Export catalog</source>
        <translation>导出商品目录</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="402"/>
        <source>Souk CSV (*.csv)</source>
        <translation>Souk CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="403"/>
        <source>Shopify CSV (*.csv)</source>
        <translation>Shopify CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="409"/>
        <source>Exporting the catalog…</source>
        <translation>正在导出商品目录…</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="413"/>
        <source>Exported the catalog to %1.</source>
        <translation>已将商品目录导出到 %1。</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="415"/>
        <source>The file could not be written. Check the folder and try again.</source>
        <translation>无法写入文件。请检查文件夹后重试。</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="427"/>
        <source>About Souk</source>
        <translation>关于 Souk</translation>
    </message>
    <message>
        <location filename="../views/main/MainWindow.cpp" line="429"/>
        <source>&lt;h3&gt;Souk %1&lt;/h3&gt;&lt;p&gt;Operations console for merchants: catalog, stock, orders, payments and delivery.&lt;/p&gt;</source>
        <extracomment>%1 = version number</extracomment>
        <translation>&lt;h3&gt;Souk %1&lt;/h3&gt;&lt;p&gt;面向商家的运营控制台：商品目录、库存、订单、支付与配送。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>souk::MessageBar</name>
    <message>
        <location filename="../views/common/MessageBar.cpp" line="61"/>
        <source>&amp;Details</source>
        <comment>message bar: show technical details</comment>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/common/MessageBar.cpp" line="69"/>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <location filename="../views/common/MessageBar.cpp" line="70"/>
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>souk::ModelChartsPanel</name>
    <message>
        <source>Fraud</source>
        <comment>confusion matrix row</comment>
        <translation type="obsolete">欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="94"/>
        <source>Wheel: zoom · drag: move · double-click: whole curve</source>
        <translation>滚轮：缩放 · 拖动：移动 · 双击：显示完整曲线</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="124"/>
        <source>Select a model to see how well it tells fraud from good payments.</source>
        <translation>选择一个模型，查看它区分欺诈与正常付款的能力。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="129"/>
        <source>Not evaluated: the window after the cut-off had no fraud or no good payments. Train again with an earlier cut-off date to see its curves.</source>
        <translation>未评估：截止日期之后的时段内没有欺诈付款或没有正常付款。请用更早的截止日期重新训练以查看曲线。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="143"/>
        <source>False positive rate (%): good payments flagged</source>
        <translation>误报率（%）：被标记的正常付款</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="144"/>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="172"/>
        <source>Recall (%): fraud caught</source>
        <translation>召回率（%）：拦下的欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="146"/>
        <source>ROC curve · AUC %1</source>
        <extracomment>chart title; %1 is the area under the curve, e.g. 0.962</extracomment>
        <translation>ROC 曲线 · AUC %1</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="148"/>
        <source>Chance</source>
        <comment>a model that guesses</comment>
        <translation>随机猜测</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="152"/>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="155"/>
        <source>%1 · AUC %2</source>
        <extracomment>legend; %1 names a model, %2 is its AUC</extracomment>
        <translation>%1 · AUC %2</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="162"/>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="189"/>
        <source>Threshold %1</source>
        <comment>the score from which payments are flagged</comment>
        <translation>阈值 %1</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="173"/>
        <source>Precision (%): flagged that is fraud</source>
        <translation>精确率（%）：被标记中的欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="174"/>
        <source>Precision and recall</source>
        <translation>精确率与召回率</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelChartsPanel.cpp" line="177"/>
        <source>Chance (%1 fraud)</source>
        <extracomment>legend: a model that guesses flags fraud at the rate fraud occurs; %1 is that rate</extracomment>
        <translation>随机猜测（欺诈占 %1）</translation>
    </message>
</context>
<context>
    <name>souk::ModelListModel</name>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="48"/>
        <source>Logistic regression</source>
        <comment>risk model kind</comment>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="50"/>
        <source>Gradient-boosted trees</source>
        <comment>risk model kind</comment>
        <translation>梯度提升树</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="58"/>
        <source>Model %1 (logistic regression)</source>
        <extracomment>in a sentence; %1 is the model&apos;s version number</extracomment>
        <translation>模型 %1（逻辑回归）</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="61"/>
        <source>Model %1 (gradient-boosted trees)</source>
        <extracomment>in a sentence; %1 is the model&apos;s version number</extracomment>
        <translation>模型 %1（梯度提升树）</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="63"/>
        <source>Model %1</source>
        <extracomment>in a sentence; %1 is the model&apos;s version number</extracomment>
        <translation>模型 %1</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="166"/>
        <source>● Active</source>
        <comment>risk model state</comment>
        <extracomment>the model that scores every payment now</extracomment>
        <translation>● 生效中</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="175"/>
        <source>%1 / %2</source>
        <comment>training rows / fraud</comment>
        <extracomment>payments a model learned from / of them fraud</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="222"/>
        <source>Scores every payment since %1</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>自 %1 起为每笔付款评分</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="224"/>
        <source>Trained on the payments before this date, evaluated on those after it</source>
        <translation>用此日期之前的付款训练，用之后的付款评估</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/risk/ModelListModel.cpp" line="226"/>
        <source>%Ln payment(s) learned from</source>
        <translation>
            <numerusform>从 %Ln 笔付款中学习</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="229"/>
        <source>Not evaluated: the window after the cut-off had no fraud or no good payments</source>
        <translation>未评估：截止日期之后的时段内没有欺诈付款或没有正常付款</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="257"/>
        <source>Area under the ROC curve on the payments after the cut-off: 1 is perfect, 0.5 is chance</source>
        <translation>截止日期之后付款上的 ROC 曲线下面积：1 为完美，0.5 等同随机猜测</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="259"/>
        <source>Share of fraud caught when 1 % of good payments are flagged</source>
        <translation>在 1% 正常付款被标记时能拦下的欺诈比例</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="266"/>
        <source>Version</source>
        <comment>risk model column</comment>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="268"/>
        <source>Kind</source>
        <comment>risk model column</comment>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="270"/>
        <source>State</source>
        <comment>risk model column</comment>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="272"/>
        <source>Trained until</source>
        <comment>risk model column: the cut-off date</comment>
        <translation>训练截止</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="274"/>
        <source>AUC</source>
        <comment>risk model column: area under the ROC curve</comment>
        <translation>AUC</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="276"/>
        <source>Recall at 1 % FP</source>
        <comment>risk model column: fraud caught at 1 % false positives</comment>
        <translation>1% 误报时召回率</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="278"/>
        <source>Trained on / fraud</source>
        <comment>risk model column: payments learned from and the fraud among them</comment>
        <translation>训练付款 / 欺诈</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="280"/>
        <source>By</source>
        <comment>risk model column: who trained it</comment>
        <translation>训练人</translation>
    </message>
    <message>
        <location filename="../models/risk/ModelListModel.cpp" line="282"/>
        <source>Trained</source>
        <comment>risk model column: when</comment>
        <translation>训练时间</translation>
    </message>
</context>
<context>
    <name>souk::ModelSummaryPanel</name>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="72"/>
        <source>Flagged</source>
        <comment>confusion matrix column: the model flagged it</comment>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="74"/>
        <source>Passed</source>
        <comment>confusion matrix column: the model let it pass</comment>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="76"/>
        <source>Fraud</source>
        <comment>confusion matrix row</comment>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="77"/>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="95"/>
        <source>Good payments</source>
        <comment>confusion matrix row</comment>
        <translation>正常付款</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="110"/>
        <source>%1 · scores payments now</source>
        <translation>%1 · 当前正在评分</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="116"/>
        <source>Trained on %1 payments (%2 fraud) before %3; evaluated on the %4 after it (%5 fraud).</source>
        <extracomment>%1 payments (%2 of them fraud) before the date %3; evaluated on %4 (%5 fraud) after it</extracomment>
        <translation>用 %3 之前的 %1 笔付款（欺诈 %2 笔）训练；用之后的 %4 笔（欺诈 %5 笔）评估。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="130"/>
        <source>At threshold %1</source>
        <comment>confusion matrix</comment>
        <extracomment>%1 is the threshold score (0-100)</extracomment>
        <translation>阈值 %1 时</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="132"/>
        <source>Payments scoring %1 or more are flagged; %2 of those flagged were fraud.</source>
        <extracomment>%1 threshold, %2 share of flagged payments that are fraud</extracomment>
        <translation>评分达到 %1 的付款会被标记；被标记的付款中 %2 是欺诈。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="141"/>
        <source>Fraud caught</source>
        <translation>拦下的欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="141"/>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="142"/>
        <source>%1 of fraud</source>
        <translation>占欺诈的 %1</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="142"/>
        <source>Fraud missed</source>
        <translation>漏掉的欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="93"/>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="143"/>
        <source>Good payments flagged</source>
        <translation>被标记的正常付款</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="143"/>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="144"/>
        <source>%1 of good payments</source>
        <translation>占正常付款的 %1</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="94"/>
        <location filename="../views/risk/ModelSummaryPanel.cpp" line="144"/>
        <source>Good payments passed</source>
        <translation>放行的正常付款</translation>
    </message>
</context>
<context>
    <name>souk::ModelsTab</name>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="38"/>
        <source>&amp;Train model…</source>
        <translation>训练模型(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="40"/>
        <source>Trains a new model on the payment history; it scores nothing until activated</source>
        <translation>用付款历史训练一个新模型；启用之前它不会为任何付款评分</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="41"/>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="43"/>
        <source>Makes the selected model score every payment from now on</source>
        <translation>从现在起由所选模型为每笔付款评分</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="44"/>
        <source>&amp;Stop scoring</source>
        <translation>停止评分(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="46"/>
        <source>No model scores payments until one is activated again</source>
        <translation>在重新启用某个模型之前，不会有模型为付款评分</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="59"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="61"/>
        <source>Stops the training; nothing is kept (Escape)</source>
        <translation>停止训练，不保留任何结果（Esc）</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="83"/>
        <source>No models yet. Train one on your payment history: it learns from the payments before a cut-off date and is tested on those after it, so you can see how much fraud it would have caught before it scores a single payment.</source>
        <translation>还没有模型。用您的付款历史训练一个：它从截止日期之前的付款中学习，并在之后的付款上测试，这样在它为任何一笔付款评分之前，您就能看到它本能拦下多少欺诈。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="86"/>
        <source>No models yet. An operator or administrator can train one on the payment history.</source>
        <translation>还没有模型。运营人员或管理员可以用付款历史训练一个。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="87"/>
        <source>Train a model…</source>
        <translation>训练模型…</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="114"/>
        <source>&amp;Compare with:</source>
        <translation>对比(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="164"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="203"/>
        <source>No other model</source>
        <comment>compare with</comment>
        <translation>不对比</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="210"/>
        <source>%1 · AUC %2</source>
        <extracomment>a model to compare with; %1 names the model, %2 is its AUC</extracomment>
        <translation>%1 · AUC %2</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="212"/>
        <source>%1 (active)</source>
        <comment>compare with</comment>
        <translation>%1（生效中）</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="255"/>
        <source>Training: %1…</source>
        <extracomment>%1 is the kind of model, e.g. &quot;Gradient-boosted trees&quot;</extracomment>
        <translation>正在训练：%1…</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="286"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="297"/>
        <source>Training cancelled; no model was kept.</source>
        <translation>训练已取消，未保留任何模型。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="299"/>
        <source>Cut-off date: the model needs fraud and good payments before the cut-off to learn from. Choose another date.</source>
        <translation>截止日期：模型需要截止日期之前既有欺诈付款又有正常付款才能学习。请另选日期。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="310"/>
        <source>%1 trained: AUC %2 on the %3 payments after the cut-off. Activate it to score payments with it.</source>
        <extracomment>%1 names the model, %2 its AUC, %3 the number of payments it was evaluated on</extracomment>
        <translation>%1 已训练完成：在截止日期之后的 %3 笔付款上 AUC 为 %2。启用后即用它为付款评分。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="315"/>
        <source>%1 trained. It could not be evaluated: the payments after the cut-off had no fraud or no good payments.</source>
        <translation>%1 已训练完成，但无法评估：截止日期之后的付款中没有欺诈付款或没有正常付款。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="332"/>
        <source>%1 will stop scoring payments from now on, and no model will replace it.</source>
        <extracomment>%1 names the model, e.g. &quot;Model 2 (logistic regression)&quot;</extracomment>
        <translation>从现在起%1将停止为付款评分，且没有模型接替。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="336"/>
        <source>%1 will score every payment from now on, replacing model %2.</source>
        <extracomment>%1 names the new model, %2 is the version number of the one it replaces</extracomment>
        <translation>从现在起由%1为每笔付款评分，取代模型 %2。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="340"/>
        <source>%1 will score every payment from now on.</source>
        <translation>从现在起由%1为每笔付款评分。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="344"/>
        <location filename="../views/risk/ModelsTab.cpp" line="345"/>
        <source>Stop scoring</source>
        <translation>停止评分</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="344"/>
        <source>Activate model</source>
        <translation>启用模型</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="345"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="361"/>
        <source>No model scores payments now.</source>
        <translation>现在没有模型为付款评分。</translation>
    </message>
    <message>
        <location filename="../views/risk/ModelsTab.cpp" line="364"/>
        <source>%1 scores every payment now.</source>
        <translation>%1 现在为每笔付款评分。</translation>
    </message>
</context>
<context>
    <name>souk::MovementHistoryDialog</name>
    <message>
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="25"/>
        <source>Stock history – %1</source>
        <extracomment>window title; %1 = SKU</extracomment>
        <translation>库存流水 – %1</translation>
    </message>
    <message>
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="29"/>
        <source>Stock movements of &lt;b&gt;%1&lt;/b&gt;, newest first. The list updates as stock moves.</source>
        <extracomment>%1 = SKU</extracomment>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的库存流水，最新记录在前。库存变动时列表会自动更新。</translation>
    </message>
    <message>
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="86"/>
        <source>Loading stock history…</source>
        <translation>正在加载库存流水…</translation>
    </message>
    <message>
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="88"/>
        <source>The stock history could not be loaded.</source>
        <translation>无法加载库存流水。</translation>
    </message>
    <message>
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="90"/>
        <source>No stock has moved for this SKU yet.</source>
        <translation>此 SKU 暂无库存变动。</translation>
    </message>
    <message>
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="98"/>
        <source>Showing the newest %1 movements.</source>
        <extracomment>%1 = how many of the newest movements are listed</extracomment>
        <translation>显示最新的 %1 条流水。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/inventory/MovementHistoryDialog.cpp" line="100"/>
        <source>%Ln movement(s)</source>
        <translation>
            <numerusform>%Ln 条流水</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::MovementModel</name>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="69"/>
        <source>Received</source>
        <comment>stock movement kind</comment>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="71"/>
        <source>Adjusted</source>
        <comment>stock movement kind</comment>
        <translation>盘点调整</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="73"/>
        <source>Sold</source>
        <comment>stock movement kind</comment>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="75"/>
        <source>Returned</source>
        <comment>stock movement kind</comment>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="77"/>
        <source>Reserved</source>
        <comment>stock movement kind</comment>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="79"/>
        <source>Released</source>
        <comment>stock movement kind</comment>
        <translation>释放预留</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="81"/>
        <source>Unknown</source>
        <comment>stock movement kind</comment>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="88"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="89"/>
        <source>Catalog import</source>
        <translation>商品导入</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="90"/>
        <source>Simulated delivery</source>
        <translation>模拟到货</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="179"/>
        <source>When</source>
        <comment>time of a stock movement</comment>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="181"/>
        <source>Kind</source>
        <comment>stock movement kind</comment>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="183"/>
        <source>Change</source>
        <comment>signed change of on-hand stock</comment>
        <translation>在库变动</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="185"/>
        <source>Reserved change</source>
        <comment>signed change of reserved stock</comment>
        <translation>预留变动</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="187"/>
        <source>Location</source>
        <comment>stock location</comment>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="189"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../models/inventory/MovementModel.cpp" line="191"/>
        <source>By</source>
        <comment>who moved the stock</comment>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>souk::NewListDialog</name>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="31"/>
        <source>New risk list</source>
        <translation>新建风控名单</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="43"/>
        <source>What it is for, and who adds to it</source>
        <translation>用途，以及由谁添加</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="44"/>
        <source>Lower-case letters, digits and _; rules name the list as @name, for example &lt;code&gt;Block if :email: in @blocked_emails&lt;/code&gt;.</source>
        <translation>小写字母、数字和 _；规则以 @名称 引用名单，例如 &lt;code&gt;Block if :email: in @blocked_emails&lt;/code&gt;。</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="51"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="54"/>
        <source>&amp;Holds:</source>
        <translation>存放(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="56"/>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="62"/>
        <source>&amp;Create list</source>
        <translation>创建名单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="84"/>
        <source>Enter a name for the list.</source>
        <translation>请输入名单名称。</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="104"/>
        <source>There is already a list with this name.</source>
        <translation>已有同名的名单。</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="106"/>
        <source>Use 1 to 64 lower-case letters, digits and _, starting with a letter.</source>
        <translation>请使用 1 到 64 个小写字母、数字或 _，并以字母开头。</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="108"/>
        <source>Pick what the list holds.</source>
        <translation>请选择名单存放的内容。</translation>
    </message>
    <message>
        <location filename="../views/risk/NewListDialog.cpp" line="110"/>
        <source>At most 500 characters.</source>
        <translation>最多 500 个字符。</translation>
    </message>
</context>
<context>
    <name>souk::OneTimeSecretView</name>
    <message>
        <location filename="../views/people/OneTimeSecretView.cpp" line="35"/>
        <source>Secret, shown once</source>
        <translation>机密内容，仅显示一次</translation>
    </message>
    <message>
        <location filename="../views/people/OneTimeSecretView.cpp" line="43"/>
        <location filename="../views/people/OneTimeSecretView.cpp" line="68"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/people/OneTimeSecretView.cpp" line="45"/>
        <source>Copy to the clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../views/people/OneTimeSecretView.cpp" line="67"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>souk::OrderDetailDialog</name>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="45"/>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="122"/>
        <source>Order %1</source>
        <extracomment>%1 is the order number (&quot;#1042&quot;)</extracomment>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="47"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="57"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="57"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="57"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="57"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="57"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="59"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="59"/>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="63"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="59"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="59"/>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="63"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="59"/>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="61"/>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="63"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="61"/>
        <source>Entry</source>
        <translation>分录</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="61"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="61"/>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="61"/>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="63"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="63"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="64"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="65"/>
        <source>Payments</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="66"/>
        <source>Ledger</source>
        <translation>账本</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="67"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="69"/>
        <source>&amp;Capture</source>
        <translation>扣款(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="71"/>
        <source>&amp;Refund…</source>
        <translation>退款(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="73"/>
        <source>Cancel &amp;order</source>
        <translation>取消订单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="75"/>
        <source>Send &amp;evidence…</source>
        <translation>发送证据(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="77"/>
        <source>Answer the customer&apos;s dispute: the card network reviews the evidence and decides</source>
        <translation>回应客户的争议：由卡组织审查证据并作出裁决</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="124"/>
        <source>&lt;b&gt;Order %1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 &amp;lt;%5&amp;gt; · placed %6</source>
        <extracomment>%1 order number, %2 status, %3 payment state, %4 customer name, %5 email, %6 date</extracomment>
        <translation>&lt;b&gt;订单 %1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 &amp;lt;%5&amp;gt; · 下单时间 %6</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="129"/>
        <source>Order ID %1</source>
        <translation>订单 ID %1</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="132"/>
        <source>This order needs attention</source>
        <translation>此订单需要处理</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="137"/>
        <source>Subtotal %1 − discount %2 + tax %3 + delivery %4 = &lt;b&gt;%5&lt;/b&gt; · captured %6 · refunded %7</source>
        <extracomment>order totals line</extracomment>
        <translation>商品总额 %1 − 优惠 %2 + 税费 %3 + 运费 %4 = &lt;b&gt;%5&lt;/b&gt; · 已扣款 %6 · 已退款 %7</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="171"/>
        <source>Phone:</source>
        <extracomment>the customer&apos;s phone number in the order detail</extracomment>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="210"/>
        <source>captured %1</source>
        <translation>已扣款 %1</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="213"/>
        <source>Needs attention: %1</source>
        <extracomment>%1 why a person must look at the payment, e.g. &quot;The provider refused the capture: …&quot;</extracomment>
        <translation>需要处理：%1</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="215"/>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="216"/>
        <source>%1 •••• %2</source>
        <translation>%1 •••• %2</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="222"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="229"/>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="261"/>
        <source>%1: %2</source>
        <extracomment>%1 a payment event (&quot;Payment captured&quot;), %2 the status change it made (&quot;Authorized → Paid&quot;)</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="361"/>
        <source>Send the evidence for the dispute of %1 (%2)? The card network then reviews it and decides; the evidence cannot be changed afterwards. It is due by %3.</source>
        <extracomment>%1 the disputed amount, %2 the customer&apos;s reason, %3 the date the evidence is due by</extracomment>
        <translation>发送金额为 %1 的争议（%2）的证据吗？之后由卡组织审查并裁决，证据发送后不能再修改。截止时间为 %3。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="364"/>
        <source>Send evidence</source>
        <translation>发送证据</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="375"/>
        <source>Evidence sent. The dispute is under review.</source>
        <translation>证据已发送，争议正在审查中。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="227"/>
        <source>%1; evidence due %2</source>
        <extracomment>%1 is the dispute&apos;s reason, %2 the date by which evidence must be sent</extracomment>
        <translation>%1；须于 %2 前提交证据</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="173"/>
        <source>Deliver to:</source>
        <extracomment>the customer&apos;s delivery addresses in the order detail, one a line</extracomment>
        <translation>配送地址：</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="258"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="297"/>
        <source>Capture payment</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="298"/>
        <source>Capture %1 from the card •••• %2?</source>
        <translation>从银行卡 •••• %2 扣款 %1？</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="299"/>
        <source>Capture</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="310"/>
        <source>Captured %1.</source>
        <translation>已扣款 %1。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="323"/>
        <source>Refunded %1.</source>
        <translation>已退款 %1。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="333"/>
        <source>Cancel this order and refund %1 to the customer? The items go back into stock.</source>
        <translation>取消此订单并向客户退款 %1？商品将退回库存。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="335"/>
        <source>Cancel this order? Its reserved items are released.</source>
        <translation>取消此订单？为其预留的库存将被释放。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="336"/>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderDetailDialog.cpp" line="347"/>
        <source>The order was cancelled.</source>
        <translation>订单已取消。</translation>
    </message>
</context>
<context>
    <name>souk::OrderFilterBar</name>
    <message>
        <source>Order number, customer email or card last 4</source>
        <translation type="vanished">订单号、客户邮箱或卡号后 4 位</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="80"/>
        <source>Order number or its end, customer name or email, card last 4</source>
        <extracomment>what the order search finds; &quot;its end&quot; is the last digits of an order number (&quot;42&quot; finds #1042)</extracomment>
        <translation>订单号或其末几位、客户姓名或邮箱、卡号后 4 位</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="81"/>
        <source>Search orders</source>
        <translation>搜索订单</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="85"/>
        <source>Merchant</source>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="86"/>
        <source>All merchants</source>
        <translation>全部商家</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="91"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="96"/>
        <source>All payments</source>
        <translation>全部支付状态</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="102"/>
        <source>Placed</source>
        <extracomment>accessible name of the order date filter: when the orders were placed</extracomment>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="103"/>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="104"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="105"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="106"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="108"/>
        <source>Custom range…</source>
        <extracomment>a choice of the order date filter: shows two date fields, from and to</extracomment>
        <translation>自定义范围…</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="130"/>
        <source>Placed from</source>
        <comment>first day of the order date range</comment>
        <translation>下单起始日期</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="131"/>
        <source>Placed to</source>
        <comment>last day of the order date range</comment>
        <translation>下单截止日期</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="133"/>
        <source>Fro&amp;m</source>
        <comment>date range</comment>
        <extracomment>the first day of a custom order date range; &amp; marks the Alt key (File has Alt+F)</extracomment>
        <translation>从(&amp;M)</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="136"/>
        <source>&amp;To</source>
        <comment>date range</comment>
        <extracomment>the last day of a custom order date range (orders of that whole day count)</extracomment>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="248"/>
        <source>Min total (%1)</source>
        <extracomment>placeholder of the order filter&apos;s lowest total; %1 is the currency code (&quot;EUR&quot;)</extracomment>
        <translation>最低金额（%1）</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="248"/>
        <source>Min total</source>
        <translation>最低金额</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="250"/>
        <source>Max total (%1)</source>
        <extracomment>placeholder of the order filter&apos;s highest total; %1 is the currency code (&quot;EUR&quot;)</extracomment>
        <translation>最高金额（%1）</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="250"/>
        <source>Max total</source>
        <translation>最高金额</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="268"/>
        <source>The merchants shown sell in different currencies (%1), and totals in different currencies cannot be compared. Choose one merchant to filter by total.</source>
        <extracomment>tooltip of the disabled total filters; %1 lists the currency codes (&quot;CNY, EUR&quot;)</extracomment>
        <translation>所显示的商家使用不同币种（%1），不同币种的金额无法相互比较。请先选择一个商家，再按金额筛选。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="304"/>
        <source>“To” is before “From” (%1): choose a day on or after it.</source>
        <extracomment>%1 is the date in the From field; the orders are not filtered until this is fixed</extracomment>
        <translation>“至”日期早于“从”日期（%1）：请选择该日或之后的日期。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="307"/>
        <source>“From” is after “To” (%1): choose a day on or before it.</source>
        <extracomment>%1 is the date in the To field; the orders are not filtered until this is fixed</extracomment>
        <translation>“从”日期晚于“至”日期（%1）：请选择该日或之前的日期。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrderFilterBar.cpp" line="320"/>
        <source>&quot;%1&quot; is not an amount.</source>
        <extracomment>%1 is what the user typed in an amount filter</extracomment>
        <translation>“%1”不是有效的金额。</translation>
    </message>
</context>
<context>
    <name>souk::OrderListModel</name>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="443"/>
        <source>The last payment attempt was declined</source>
        <translation>最近一次支付被拒绝</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="431"/>
        <source>•••• %1</source>
        <extracomment>a card shown by its last four digits, e.g. &quot;•••• 4242&quot;</extracomment>
        <translation>•••• %1</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="440"/>
        <source>Order ID %1</source>
        <extracomment>tooltip of an order&apos;s number: %1 its long id, for support and the API</extracomment>
        <translation>订单 ID %1</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="468"/>
        <source>Order</source>
        <comment>column</comment>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="469"/>
        <source>Placed</source>
        <comment>column</comment>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="470"/>
        <source>Merchant</source>
        <comment>column</comment>
        <translation>商家</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="471"/>
        <source>Customer</source>
        <comment>column</comment>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="472"/>
        <source>Status</source>
        <comment>column</comment>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="473"/>
        <source>Payment</source>
        <comment>column</comment>
        <translation>支付状态</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="474"/>
        <source>Total</source>
        <comment>column</comment>
        <translation>订单金额</translation>
    </message>
    <message>
        <location filename="../models/orders/OrderListModel.cpp" line="475"/>
        <source>Card</source>
        <comment>column</comment>
        <translation>银行卡</translation>
    </message>
</context>
<context>
    <name>souk::OrdersPage</name>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="114"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="144"/>
        <source>The table holds still while you read it or pick an order. Click to show the newest orders.</source>
        <translation>您查看或选择订单时，表格保持不动。点击可显示最新订单。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="148"/>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="180"/>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="183"/>
        <source>Net sales today</source>
        <extracomment>money captured minus money refunded, for the orders placed today</extracomment>
        <translation>今日净销售额</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="184"/>
        <source>Captured minus refunded, for the orders placed since midnight; one amount per currency</source>
        <translation>今日下单订单的已扣款金额减去已退款金额；每种币种分别显示</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="186"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="187"/>
        <source>Awaiting capture</source>
        <translation>待扣款</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="198"/>
        <source>Pause to read the table while new orders keep arriving</source>
        <translation>暂停刷新，以便在新订单不断到来时查看表格</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="224"/>
        <source>Search finds an order number or its last digits, a customer&apos;s name or email, or the last 4 digits of a card.</source>
        <translation>可搜索订单号或其末几位、客户姓名或邮箱、银行卡号后 4 位。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="230"/>
        <source>&amp;Clear search</source>
        <translation>清除搜索(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="250"/>
        <source>No orders match “%1”.</source>
        <extracomment>shown over the empty orders table; %1 is what was searched for</extracomment>
        <translation>没有与“%1”匹配的订单。</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="294"/>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../views/orders/OrdersPage.cpp" line="299"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/orders/OrdersPage.cpp" line="303"/>
        <source>Paused (%n changed)</source>
        <extracomment>the live table is paused; %n orders changed meanwhile</extracomment>
        <translation>
            <numerusform>已暂停（%n 项变动）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/orders/OrdersPage.cpp" line="319"/>
        <source>↑ %n new order(s)</source>
        <extracomment>the live orders table holds still while the user reads it; %n newer orders wait above</extracomment>
        <translation>
            <numerusform>↑ %n 个新订单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>souk::PayoutsPage</name>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="49"/>
        <source>What the marketplace holds for you, and what it has paid out. A payout moves everything owed to you, in each currency, to your bank account.</source>
        <translation>平台为您代收的款项以及已结算给您的款项。结算会把应付给您的各币种金额全部转入您的银行账户。</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="54"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="57"/>
        <source>&amp;Pay out…</source>
        <translation>结算(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="67"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="67"/>
        <location filename="../views/payments/PayoutsPage.cpp" line="68"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="67"/>
        <source>Debit</source>
        <translation>借方</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="67"/>
        <source>Credit</source>
        <translation>贷方</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="68"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="68"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="69"/>
        <source>&lt;b&gt;Balances&lt;/b&gt;</source>
        <translation>&lt;b&gt;余额&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="70"/>
        <source>&lt;b&gt;Payouts&lt;/b&gt;</source>
        <translation>&lt;b&gt;结算记录&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="71"/>
        <source>No payouts yet.</source>
        <translation>还没有结算记录。</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="145"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="171"/>
        <source>The balances could not be read.</source>
        <translation>无法读取余额。</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="173"/>
        <source>Nothing is owed to you now.</source>
        <translation>目前没有应付给您的款项。</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="176"/>
        <source>Owed to you now: &lt;b&gt;%1&lt;/b&gt;</source>
        <extracomment>%1 one amount per currency, &quot;€12.00 · CN¥3.00&quot;</extracomment>
        <translation>目前应付给您：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="180"/>
        <source>You owe the marketplace &lt;b&gt;%1&lt;/b&gt;: refunds and lost disputes exceed your sales.</source>
        <extracomment>%1 one amount per currency; refunds and lost disputes exceed the merchant&apos;s sales there</extracomment>
        <translation>您欠平台 &lt;b&gt;%1&lt;/b&gt;：退款和败诉的争议超过了您的销售额。</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="223"/>
        <source>Pay out</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="234"/>
        <source>Nothing was paid out: less is owed to you now than you confirmed. Check the balance and pay out again.</source>
        <translation>未结算任何款项：目前应付给您的金额少于您确认的金额。请核对余额后重新结算。</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="222"/>
        <source>Pay out %1 to your bank account? What is owed to you moves to paid out.</source>
        <extracomment>%1 one amount per currency, &quot;€12.00 · CN¥3.00&quot;</extracomment>
        <translation>将 %1 结算到您的银行账户吗？应付给您的款项将转为已结算。</translation>
    </message>
    <message>
        <location filename="../views/payments/PayoutsPage.cpp" line="246"/>
        <source>Paid out %1.</source>
        <translation>已结算 %1。</translation>
    </message>
</context>
<context>
    <name>souk::ProductDetailsForm</name>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="25"/>
        <source>Made from the title when left empty</source>
        <translation>留空时根据标题生成</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="37"/>
        <source>Comma separated, e.g. summer, cotton</source>
        <translation>用逗号分隔，例如：夏季, 棉</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="45"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="46"/>
        <source>&amp;Handle:</source>
        <translation>网址标识(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="47"/>
        <source>St&amp;atus:</source>
        <translation>状态(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="48"/>
        <source>&amp;Vendor:</source>
        <translation>厂商(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="49"/>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="50"/>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="51"/>
        <source>&amp;Options:</source>
        <translation>属性(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="53"/>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="87"/>
        <source>e.g. Size</source>
        <extracomment>placeholder of the option name fields, e.g. &quot;Option 1 (e.g. Size)&quot;</extracomment>
        <translation>如：尺码</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="87"/>
        <source>e.g. Colour</source>
        <translation>如：颜色</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="87"/>
        <source>e.g. Material</source>
        <translation>如：材质</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="88"/>
        <source>Option name %1</source>
        <translation>属性名 %1</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="185"/>
        <source>Enter a title.</source>
        <translation>请输入标题。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="190"/>
        <source>Use lower-case letters and digits joined by dashes, e.g. “%1”.</source>
        <extracomment>%1 is an example handle made from the title</extracomment>
        <translation>请使用小写字母和数字，以短横线连接，例如“%1”。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="195"/>
        <source>At most %1 tags.</source>
        <translation>最多 %1 个标签。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="198"/>
        <source>A tag can have at most %1 characters.</source>
        <translation>每个标签最多 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductDetailsForm.cpp" line="205"/>
        <source>Two options are both called “%1”.</source>
        <translation>有两个属性都叫“%1”。</translation>
    </message>
</context>
<context>
    <name>souk::ProductEditor</name>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="63"/>
        <source>&amp;Product</source>
        <translation>商品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="65"/>
        <source>&amp;Stock</source>
        <translation>库存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="71"/>
        <source>Save (%1)</source>
        <translation>保存 (%1)</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="121"/>
        <source>Variants</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="138"/>
        <source>A&amp;dd variant</source>
        <translation>添加规格(&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="140"/>
        <source>&amp;Remove variant</source>
        <translation>删除规格(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="172"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="214"/>
        <source>New product[*]</source>
        <extracomment>window title of the product editor for a product not saved yet; [*] marks unsaved changes</extracomment>
        <translation>新商品[*]</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="217"/>
        <source>%1[*] – Product</source>
        <extracomment>window title of the product editor; %1 = product title. [*] marks unsaved changes.</extracomment>
        <translation>%1[*] – 商品</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="233"/>
        <source>A product needs at least one variant.</source>
        <translation>商品至少需要一个规格。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="269"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="vanished">已保存“%1”。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="400"/>
        <source>This product was changed by someone else since you opened it.</source>
        <translation>您打开此商品后，它已被他人修改。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="401"/>
        <source>Reload it to see the other changes, then make yours again.</source>
        <translation>请重新加载以查看他人的修改，然后重新进行您的修改。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="372"/>
        <location filename="../views/catalog/ProductEditor.cpp" line="389"/>
        <location filename="../views/catalog/ProductEditor.cpp" line="402"/>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="323"/>
        <source>Undo the save?</source>
        <translation>撤销保存？</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="324"/>
        <source>Undoing the save also discards the changes you have not saved yet. Undo anyway?</source>
        <translation>撤销保存会同时丢弃您尚未保存的修改。仍要撤销吗？</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="356"/>
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="371"/>
        <source>Reload the product to see it as it is now.</source>
        <translation>重新加载该商品以查看其当前内容。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="411"/>
        <source>Please correct the highlighted field before saving.</source>
        <translation>请先更正突出显示的字段，然后再保存。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="454"/>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="455"/>
        <source>The changes to this product have not been saved. Discard them?</source>
        <translation>对此商品的更改尚未保存。要放弃这些更改吗？</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductEditor.cpp" line="455"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>souk::ProductListModel</name>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="273"/>
        <source>Low stock: at least one variant is at or below its threshold</source>
        <translation>低库存：至少有一个规格的库存已达到或低于阈值</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="339"/>
        <source>Title</source>
        <comment>catalog column</comment>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="341"/>
        <source>SKU</source>
        <comment>catalog column</comment>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="343"/>
        <source>Category</source>
        <comment>catalog column</comment>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="345"/>
        <source>Status</source>
        <comment>catalog column</comment>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="347"/>
        <source>Variants</source>
        <comment>catalog column</comment>
        <translation>规格数</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="349"/>
        <source>Price</source>
        <comment>catalog column</comment>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="351"/>
        <source>Available</source>
        <comment>catalog column: stock that can be sold</comment>
        <translation>可售</translation>
    </message>
    <message>
        <location filename="../models/catalog/ProductListModel.cpp" line="353"/>
        <source>Updated</source>
        <comment>catalog column: last change</comment>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>souk::ProductStockTab</name>
    <message>
        <location filename="../views/catalog/ProductStockTab.cpp" line="26"/>
        <source>Save the product first to manage its stock.</source>
        <translation>请先保存商品，再管理其库存。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductStockTab.cpp" line="41"/>
        <source>&amp;Adjust stock…</source>
        <translation>调整库存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductStockTab.cpp" line="44"/>
        <source>H&amp;istory…</source>
        <translation>库存流水(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>souk::ProductUndoController</name>
    <message>
        <location filename="../views/catalog/ProductUndoController.cpp" line="18"/>
        <source>Saved “%1”.</source>
        <extracomment>%1 = product title</extracomment>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductUndoController.cpp" line="23"/>
        <source>&amp;Undo</source>
        <comment>undo the saved product edit</comment>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductUndoController.cpp" line="29"/>
        <source>Undoing the changes to “%1”…</source>
        <extracomment>%1 = product title</extracomment>
        <translation>正在撤销对“%1”的修改…</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductUndoController.cpp" line="35"/>
        <source>Undid the changes to “%1”.</source>
        <extracomment>%1 = product title</extracomment>
        <translation>已撤销对“%1”的修改。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductUndoController.cpp" line="42"/>
        <source>The changes to “%1” cannot be undone: the product was changed after they were saved. Nothing was undone.</source>
        <extracomment>%1 = product title</extracomment>
        <translation>无法撤销对“%1”的修改：保存后该商品又被修改过。未撤销任何内容。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductUndoController.cpp" line="48"/>
        <source>The changes to “%1” cannot be undone: a variant they added has stock history now and cannot be removed. Nothing was undone.</source>
        <extracomment>%1 = product title</extracomment>
        <translation>无法撤销对“%1”的修改：这些修改新增的规格现在已有库存记录，无法删除。未撤销任何内容。</translation>
    </message>
    <message>
        <location filename="../views/catalog/ProductUndoController.cpp" line="53"/>
        <source>The changes to “%1” cannot be undone: %2 Nothing was undone.</source>
        <extracomment>%1 = product title, %2 = the reason, e.g. &quot;SKU (variant 2): This value is already in use.&quot;</extracomment>
        <translation>无法撤销对“%1”的修改：%2 未撤销任何内容。</translation>
    </message>
</context>
<context>
    <name>souk::ReasonDialog</name>
    <message>
        <location filename="../views/people/ReasonDialog.cpp" line="37"/>
        <source>Why? The audit log keeps it with your name.</source>
        <translation>请说明原因，审计日志会连同您的用户名一起记录</translation>
    </message>
    <message>
        <location filename="../views/people/ReasonDialog.cpp" line="45"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../views/people/ReasonDialog.cpp" line="76"/>
        <source>Say why: the audit log keeps the reason.</source>
        <translation>请填写原因：审计日志会记录该原因。</translation>
    </message>
</context>
<context>
    <name>souk::RefundDialog</name>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="28"/>
        <location filename="../views/orders/RefundDialog.cpp" line="113"/>
        <source>Refund payment</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="34"/>
        <source>Refundable:</source>
        <translation>可退金额：</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="41"/>
        <source>Amount (%1):</source>
        <extracomment>%1 is a currency symbol such as € or ¥</extracomment>
        <translation>金额 (%1)：</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="45"/>
        <source>Why is the money returned? (customers see this on their receipt)</source>
        <translation>退款原因（客户会在收据上看到）</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="50"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="57"/>
        <location filename="../views/orders/RefundDialog.cpp" line="113"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="76"/>
        <source>Refund payment of order %1</source>
        <extracomment>title of the refund dialog; %1 is the order number (&quot;#1042&quot;)</extracomment>
        <translation>订单 %1 退款</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="96"/>
        <source>Enter an amount such as %1.</source>
        <translation>请输入金额，例如 %1。</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="98"/>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="101"/>
        <source>At most %1 can be refunded.</source>
        <translation>最多可退款 %1。</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="103"/>
        <source>Say why the money is returned.</source>
        <translation>请填写退款原因。</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="109"/>
        <source>Refund %1 of %2 to the card %3?</source>
        <extracomment>%1 amount to refund, %2 what was captured, %3 the card, e.g. &quot;•••• 4242&quot;</extracomment>
        <translation>从已扣款的 %2 中退款 %1 到银行卡 %3？</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="111"/>
        <source>Refund %1 of %2 for order %3 to the card %4?</source>
        <extracomment>%1 amount to refund, %2 what was captured, %3 the order number (&quot;#1042&quot;), %4 the card (&quot;•••• 4242&quot;)</extracomment>
        <translation>从订单 %3 已扣款的 %2 中退款 %1 到银行卡 %4？</translation>
    </message>
    <message>
        <location filename="../views/orders/RefundDialog.cpp" line="104"/>
        <source>•••• %1</source>
        <translation>•••• %1</translation>
    </message>
</context>
<context>
    <name>souk::ReviewDetailPanel</name>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="30"/>
        <source>%1 (%2)</source>
        <extracomment>%1 the verdict, %2 its keyboard key</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="43"/>
        <source>Select a review to work on it. Selecting claims it for you.</source>
        <translation>选择一条审核进行处理。选中即由您认领。</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="57"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="vanished">值</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="57"/>
        <source>Contribution</source>
        <translation>贡献</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="63"/>
        <source>Card country</source>
        <translation>发卡国家</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="63"/>
        <source>IP country</source>
        <translation>IP 国家</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="63"/>
        <source>Shipping country</source>
        <translation>收货国家</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="63"/>
        <source>Billing country</source>
        <translation>账单国家</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why it was held&lt;/b&gt;</source>
        <translation type="vanished">&lt;b&gt;被暂扣的原因&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="135"/>
        <source>&lt;big&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/big&gt; &amp;nbsp; not scored</source>
        <extracomment>%1 amount with currency; no model scored the payment</extracomment>
        <translation>&lt;big&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/big&gt; &amp;nbsp; 未评分</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="vanished">未评分</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="94"/>
        <source>Why it was held</source>
        <translation>暂扣原因</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="96"/>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="115"/>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="149"/>
        <source>Customer and linked payments</source>
        <extracomment>the tab&apos;s title with how many linked payments it lists</extracomment>
        <translation>客户与关联付款</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="138"/>
        <source>&lt;big&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/big&gt; &amp;nbsp; score %2</source>
        <extracomment>%1 amount with currency, %2 risk score (0-100)</extracomment>
        <translation>&lt;big&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/big&gt; &amp;nbsp; 评分 %2</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="139"/>
        <source>(no rule)</source>
        <translation>（无规则）</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="141"/>
        <source>Email: %1&lt;br&gt;Rule %2: &lt;code&gt;%3&lt;/code&gt;&lt;br&gt;Time left: %4</source>
        <extracomment>%1 email, %2 deciding rule&apos;s line, %3 its text, %4 time left before the authorization lapses</extracomment>
        <translation>邮箱：%1&lt;br&gt;规则 %2：&lt;code&gt;%3&lt;/code&gt;&lt;br&gt;剩余时间：%4</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="116"/>
        <source>Customer and linked payments (%n)</source>
        <translation>
            <numerusform>客户与关联付款（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="166"/>
        <source>You hold this review.</source>
        <translation>此审核由您认领。</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="169"/>
        <source>&lt;b&gt;Held by %1&lt;/b&gt;: only they can decide it now.</source>
        <extracomment>%1 the user who claimed the review</extracomment>
        <translation>&lt;b&gt;已被 %1 认领&lt;/b&gt;：目前只有对方可以处理。</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewDetailPanel.cpp" line="171"/>
        <source>Nobody holds this review.</source>
        <translation>此审核无人认领。</translation>
    </message>
</context>
<context>
    <name>souk::ReviewListModel</name>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="31"/>
        <source>; </source>
        <comment>reason separator</comment>
        <extracomment>between two risk reasons in the queue&apos;s &quot;Top reasons&quot; column</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="186"/>
        <source>(no rule)</source>
        <translation>（无规则）</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="226"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="228"/>
        <source>Score</source>
        <comment>risk score</comment>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="230"/>
        <source>Rule</source>
        <comment>deciding risk rule</comment>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="232"/>
        <source>Top reasons</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="234"/>
        <source>Age</source>
        <comment>how long the review is open</comment>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="236"/>
        <source>Time left</source>
        <comment>until the authorization lapses</comment>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../models/risk/ReviewListModel.cpp" line="238"/>
        <source>Held by</source>
        <comment>who has claimed the review</comment>
        <translation>认领人</translation>
    </message>
</context>
<context>
    <name>souk::ReviewRelatedView</name>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="20"/>
        <source>Approved</source>
        <comment>payment outcome</comment>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="22"/>
        <source>Declined</source>
        <comment>payment outcome</comment>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="24"/>
        <source>Blocked</source>
        <comment>payment outcome</comment>
        <translation>已拦截</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="25"/>
        <source>Pending</source>
        <comment>payment outcome</comment>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="33"/>
        <source>card</source>
        <comment>shared with the reviewed payment</comment>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="35"/>
        <source>email</source>
        <comment>shared with the reviewed payment</comment>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="37"/>
        <source>device</source>
        <comment>shared with the reviewed payment</comment>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="39"/>
        <source>IP</source>
        <comment>shared with the reviewed payment</comment>
        <translation>IP</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="44"/>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="117"/>
        <source>, </source>
        <extracomment>separator between the things two payments share</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="59"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="59"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="59"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="59"/>
        <source>Shares</source>
        <translation>共用</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="59"/>
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="71"/>
        <source>&lt;b&gt;The customer&lt;/b&gt;&lt;br&gt;Reading the customer&apos;s history…</source>
        <translation>&lt;b&gt;客户&lt;/b&gt;&lt;br&gt;正在读取客户的历史记录…</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="81"/>
        <source>&lt;b&gt;The customer&lt;/b&gt;&lt;br&gt;No other payment with this email at this merchant: a first purchase, or a new email.</source>
        <translation>&lt;b&gt;客户&lt;/b&gt;&lt;br&gt;该商户没有此邮箱的其他付款：首次购买，或是新邮箱。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ReviewRelatedView.cpp" line="85"/>
        <source>&lt;b&gt;The customer&lt;/b&gt;&lt;br&gt;%1: %n other payment(s) since %2</source>
        <extracomment>%1 email; %n other payments; %2 the date of the first</extracomment>
        <translation>
            <numerusform>&lt;b&gt;客户&lt;/b&gt;&lt;br&gt;%1：自 %2 起另有 %n 笔付款</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="88"/>
        <source>%1 approved, %2 declined, %3 refunded, %4 disputed, %5 fraud</source>
        <extracomment>counts of the customer&apos;s other payments</extracomment>
        <translation>已批准 %1、已拒绝 %2、已退款 %3、有争议 %4、欺诈 %5</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="97"/>
        <source>&lt;b&gt;Linked payments&lt;/b&gt;&lt;br&gt;None shares the card, email, device or IP.</source>
        <translation>&lt;b&gt;关联付款&lt;/b&gt;&lt;br&gt;没有付款与之共用银行卡、邮箱、设备或 IP。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ReviewRelatedView.cpp" line="99"/>
        <source>&lt;b&gt;Linked payments&lt;/b&gt; (%n sharing the card, email, device or IP)</source>
        <translation>
            <numerusform>&lt;b&gt;关联付款&lt;/b&gt;（%n 笔共用银行卡、邮箱、设备或 IP）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="107"/>
        <source>fraud</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="109"/>
        <source>disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="112"/>
        <source>refunded %1</source>
        <extracomment>%1 amount refunded</extracomment>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewRelatedView.cpp" line="114"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>souk::ReviewsPage</name>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="52"/>
        <source>All merchants</source>
        <translation>全部商户</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="56"/>
        <source>Rule contains…</source>
        <translation>规则包含…</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="61"/>
        <source>Any score</source>
        <translation>任意评分</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="62"/>
        <source>Score ≥ </source>
        <translation>评分 ≥ </translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="71"/>
        <source>J/K move · N next unclaimed · A approve · D decline · F fraud</source>
        <translation>J/K 上下移动 · N 下一条未认领 · A 批准 · D 拒绝 · F 欺诈</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="112"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="185"/>
        <source>Every review in the queue is held by someone.</source>
        <translation>队列中的每条审核都已被认领。</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="264"/>
        <source>Someone else holds this review: it cannot be decided here.</source>
        <translation>此审核已被他人认领，无法在此处理。</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="295"/>
        <source>Decided: %1.</source>
        <extracomment>%1 the verdict (&quot;Approve&quot;)</extracomment>
        <translation>已处理：%1。</translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="317"/>
        <source>%1 (review %2)</source>
        <extracomment>a row of a bulk decision: amount and the review&apos;s id</extracomment>
        <translation>%1（审核 %2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/ReviewsPage.cpp" line="334"/>
        <source>Decided %n review(s).</source>
        <translation>
            <numerusform>已处理 %n 条审核。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/ReviewsPage.cpp" line="338"/>
        <source>%1 of %2 reviews decided; the others were refused.</source>
        <extracomment>%1 decided, %2 asked; the details list each failed row</extracomment>
        <translation>已处理 %2 条中的 %1 条；其余被拒绝。</translation>
    </message>
</context>
<context>
    <name>souk::RiskListModel</name>
    <message>
        <location filename="../models/risk/RiskListModel.cpp" line="135"/>
        <source>List</source>
        <comment>risk list column</comment>
        <translation>名单</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskListModel.cpp" line="137"/>
        <source>Holds</source>
        <comment>risk list column: the kind of values</comment>
        <translation>存放</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskListModel.cpp" line="139"/>
        <source>Entries</source>
        <comment>risk list column</comment>
        <translation>条目数</translation>
    </message>
    <message>
        <location filename="../models/risk/RiskListModel.cpp" line="141"/>
        <source>Description</source>
        <comment>risk list column</comment>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>souk::RiskPage</name>
    <message>
        <location filename="../views/risk/RiskPage.cpp" line="26"/>
        <source>&amp;Rules</source>
        <comment>risk page tab</comment>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/risk/RiskPage.cpp" line="29"/>
        <source>&amp;Lists</source>
        <comment>risk page tab</comment>
        <translation>名单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../views/risk/RiskPage.cpp" line="34"/>
        <source>&amp;Models</source>
        <comment>risk page tab</comment>
        <translation>模型(&amp;M)</translation>
    </message>
</context>
<context>
    <name>souk::RuleSetListModel</name>
    <message>
        <location filename="../models/risk/RuleSetListModel.cpp" line="122"/>
        <source>%1 · shadow</source>
        <extracomment>a draft evaluated beside the active rules, acting on nothing; %1 is &quot;Draft&quot;</extracomment>
        <translation>%1 · 影子运行</translation>
    </message>
    <message>
        <location filename="../models/risk/RuleSetListModel.cpp" line="145"/>
        <source>Runs in shadow: judged beside the active rules on live payments, acting on nothing.</source>
        <translation>影子运行：与生效规则一起评估实时付款，但不采取任何动作。</translation>
    </message>
    <message>
        <location filename="../models/risk/RuleSetListModel.cpp" line="180"/>
        <source>Version</source>
        <comment>rule set column</comment>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../models/risk/RuleSetListModel.cpp" line="182"/>
        <source>State</source>
        <comment>rule set column</comment>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/risk/RuleSetListModel.cpp" line="184"/>
        <source>Note</source>
        <comment>rule set column</comment>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../models/risk/RuleSetListModel.cpp" line="186"/>
        <source>By</source>
        <comment>rule set column: who saved it</comment>
        <translation>保存人</translation>
    </message>
    <message>
        <location filename="../models/risk/RuleSetListModel.cpp" line="188"/>
        <source>Saved</source>
        <comment>rule set column: when</comment>
        <translation>保存时间</translation>
    </message>
</context>
<context>
    <name>souk::RulesTab</name>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="109"/>
        <source>One rule a line, for example:

%1</source>
        <extracomment>the rule editor&apos;s placeholder; %1 is example rules (code, not translated)</extracomment>
        <translation>每行一条规则，例如：

%1</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="142"/>
        <source>Note: what changed and why (optional)</source>
        <translation>备注：改了什么、为什么（可选）</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="144"/>
        <source>&amp;Save as draft</source>
        <translation>另存为草稿(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="146"/>
        <source>Saves the text as a new draft version (Ctrl+S)</source>
        <translation>将文本保存为新的草稿版本（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="151"/>
        <source>A draft in shadow is judged beside the active rules on live payments and logged with them, acting on nothing.</source>
        <translation>影子运行的草稿会与生效规则一起评估实时付款并记录结果，但不采取任何动作。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="177"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="232"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="233"/>
        <source>The rules you edited are not saved. Show the other version and lose the changes?</source>
        <translation>您编辑的规则尚未保存。要显示另一个版本并放弃这些修改吗？</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="234"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="296"/>
        <source>✓ The rules parse.</source>
        <translation>✓ 规则解析无误。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/risk/RulesTab.cpp" line="300"/>
        <source>%n problem(s): the rules can be saved once they parse.</source>
        <translation>
            <numerusform>%n 个问题：规则解析无误后才能保存。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="344"/>
        <source>Version %1 · %2</source>
        <extracomment>%1 a version number, %2 its state (&quot;Draft&quot;)</extracomment>
        <translation>版本 %1 · %2</translation>
    </message>
    <message>
        <source>No rules yet</source>
        <translation type="vanished">还没有规则</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="346"/>
        <source>New rule set</source>
        <translation>新规则集</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="350"/>
        <source>%1 · edited</source>
        <extracomment>%1 the version&apos;s title; the editor differs from what was saved</extracomment>
        <translation>%1 · 已编辑</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="355"/>
        <source>&lt;b&gt;No rules yet.&lt;/b&gt; Write your first rule set below, one rule a line (the grey text is an example), save it as a draft, then activate it.</source>
        <translation>&lt;b&gt;还没有规则。&lt;/b&gt;请在下方编写第一套规则，每行一条（灰色文字是示例），先另存为草稿，再启用。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="357"/>
        <source>&lt;b&gt;No rules yet.&lt;/b&gt; An operator or an administrator writes them here.</source>
        <translation>&lt;b&gt;还没有规则。&lt;/b&gt;规则由运营人员或管理员在此编写。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="363"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="363"/>
        <source>&amp;Activate</source>
        <translation>启用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="366"/>
        <source>Save the changes as a draft first: activating uses the saved text.</source>
        <translation>请先将修改另存为草稿：启用的是已保存的文本。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="367"/>
        <source>Makes this version the rules payments are judged by.</source>
        <translation>让此版本成为评估付款所用的规则。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="369"/>
        <source>Stop &amp;shadow</source>
        <translation>停止影子运行(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="369"/>
        <source>Run in &amp;shadow</source>
        <translation>影子运行(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="396"/>
        <source>Saved as draft version %1.</source>
        <translation>已保存为草稿版本 %1。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="412"/>
        <source>Version %1 replaces version %2 as the active rules.</source>
        <extracomment>%1 the version activated, %2 the one active now</extracomment>
        <translation>版本 %1 将取代版本 %2 成为生效规则。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="413"/>
        <source>Version %1 becomes the active rules.</source>
        <translation>版本 %1 将成为生效规则。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="415"/>
        <source>Every payment from now on is judged by it; the version it replaces is kept and can be restored.</source>
        <translation>此后的每笔付款都将按它评估；被取代的版本会保留，可以恢复。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="418"/>
        <source>Restore version %1?</source>
        <translation>恢复版本 %1？</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="418"/>
        <source>Activate version %1?</source>
        <translation>启用版本 %1？</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="419"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="419"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="431"/>
        <source>Version %1 is now the active rules.</source>
        <translation>版本 %1 现已成为生效规则。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="453"/>
        <source>Version %1 runs in shadow beside the active rules.</source>
        <translation>版本 %1 正与生效规则一起影子运行。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="454"/>
        <source>Version %1 no longer runs in shadow.</source>
        <translation>版本 %1 已停止影子运行。</translation>
    </message>
    <message>
        <location filename="../views/risk/RulesTab.cpp" line="471"/>
        <source>The rules do not parse: line %1, column %2.</source>
        <extracomment>the engine refused the rules; details carry its sentence</extracomment>
        <translation>规则无法解析：第 %1 行，第 %2 列。</translation>
    </message>
</context>
<context>
    <name>souk::SignInDialog</name>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="24"/>
        <source>Souk is locked</source>
        <translation>Souk 已锁定</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="24"/>
        <source>Sign in to Souk</source>
        <translation>登录 Souk</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="31"/>
        <source>Souk locked itself after a while without use. Sign in again as %1 to go on.</source>
        <translation>Souk 因一段时间未使用已自动锁定。请以 %1 的身份重新登录以继续。</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="34"/>
        <source>This store has users. Sign in to open it.
%1</source>
        <translation>此数据文件已设置用户，请登录后打开。
%1</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="47"/>
        <source>Only if two-step sign-in is on</source>
        <translation>仅在开启两步验证时填写</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="48"/>
        <source>The 6-digit code from your authenticator app, or one of your recovery codes.</source>
        <translation>身份验证器应用中的 6 位验证码，或您的任一恢复码。</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="51"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="52"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="53"/>
        <source>&amp;Code:</source>
        <translation>验证码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="56"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="56"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="60"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="67"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="88"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="93"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="98"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="114"/>
        <source>Two-step sign-in is on for this user: enter the code from your authenticator app.</source>
        <translation>此用户已开启两步验证：请输入身份验证器应用中的验证码。</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="116"/>
        <source>The code is wrong or was already used. Wait for the next code and try again.</source>
        <translation>验证码错误或已被使用。请等待下一个验证码后重试。</translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="123"/>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/SignInDialog.cpp" line="133"/>
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>登录失败次数过多。请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/SignInDialog.cpp" line="136"/>
        <source>This user is disabled. Ask an owner or an administrator.</source>
        <translation>此用户已停用。请联系店主或管理员。</translation>
    </message>
</context>
<context>
    <name>souk::StockLevelModel</name>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="94"/>
        <source>Low stock: %1 available, threshold %2</source>
        <extracomment>tooltip on a stock row; %1 available, %2 threshold</extracomment>
        <translation>低库存：可售 %1，阈值 %2</translation>
    </message>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="117"/>
        <source>None</source>
        <comment>threshold</comment>
        <extracomment>no low-stock threshold set</extracomment>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="149"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="151"/>
        <source>Location</source>
        <comment>stock location</comment>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="153"/>
        <source>On hand</source>
        <comment>stock quantity</comment>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="155"/>
        <source>Reserved</source>
        <comment>stock held for orders</comment>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="157"/>
        <source>Available</source>
        <comment>on hand minus reserved</comment>
        <translation>可售</translation>
    </message>
    <message>
        <location filename="../models/inventory/StockLevelModel.cpp" line="159"/>
        <source>Low-stock threshold</source>
        <translation>低库存阈值</translation>
    </message>
</context>
<context>
    <name>souk::TaskProgressWidget</name>
    <message>
        <location filename="../views/import/TaskProgressWidget.cpp" line="37"/>
        <location filename="../views/import/TaskProgressWidget.cpp" line="64"/>
        <source>&amp;Cancel</source>
        <comment>cancel a running task</comment>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/import/TaskProgressWidget.cpp" line="83"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>souk::TotpSetupDialog</name>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="42"/>
        <source>Set up two-step sign-in</source>
        <translation>设置两步验证</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="56"/>
        <source>After your password, Souk will also ask for a code from an authenticator app on your phone, so a stolen password alone does not get in.</source>
        <translation>输入密码后，Souk 还会要求输入手机上身份验证器应用中的验证码。这样即使密码被盗，他人也无法仅凭密码登录。</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="59"/>
        <source>&lt;b&gt;1.&lt;/b&gt; In the app, add an account and scan this code:</source>
        <translation>&lt;b&gt;1.&lt;/b&gt; 在应用中添加账号，并扫描此二维码：</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="61"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="65"/>
        <source>QR code to scan with an authenticator app</source>
        <translation>供身份验证器应用扫描的二维码</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="67"/>
        <source>Cannot scan it? Enter this key in the app instead (time-based):</source>
        <translation>无法扫描？请在应用中手动输入此密钥（基于时间）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/TotpSetupDialog.cpp" line="77"/>
        <source>&lt;b&gt;2.&lt;/b&gt; Enter the %n-digit code the app shows:</source>
        <translation>
            <numerusform>&lt;b&gt;2.&lt;/b&gt; 输入应用显示的 %n 位验证码：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="92"/>
        <source>&amp;Code:</source>
        <comment>one-time code from an app</comment>
        <translation>验证码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="96"/>
        <location filename="../views/people/TotpSetupDialog.cpp" line="266"/>
        <source>&amp;Turn on</source>
        <translation>开启(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="131"/>
        <source>Two-step sign-in belongs to a user. Add a user for yourself and sign in as it, then set it up.</source>
        <translation>两步验证需绑定到用户。请先为自己添加一个用户并以该用户登录，然后再进行设置。</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="156"/>
        <source>The QR code could not be drawn. Enter the key below instead.</source>
        <translation>无法生成二维码。请改为输入下方的密钥。</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/people/TotpSetupDialog.cpp" line="180"/>
        <source>Enter the %n digits the app shows.</source>
        <translation>
            <numerusform>请输入应用显示的 %n 位数字。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="195"/>
        <source>This code does not match. Check that the phone&apos;s clock is right, then enter the code the app shows now.</source>
        <translation>验证码不匹配。请确认手机时间准确，然后输入应用当前显示的验证码。</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="218"/>
        <source>Recovery codes</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="226"/>
        <source>&lt;b&gt;Two-step sign-in is on.&lt;/b&gt;</source>
        <translation>&lt;b&gt;两步验证已开启。&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="228"/>
        <source>If you lose your phone, sign in with one of these recovery codes instead of a code from the app. Each works once. Keep them somewhere safe, away from the phone: a password manager or a printout.</source>
        <translation>如果手机丢失，可以用其中一个恢复码代替应用中的验证码登录。每个恢复码只能使用一次。请将它们保存在手机以外的安全位置，例如密码管理器或打印件。</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="233"/>
        <source>Souk shows these codes only now: it keeps only their fingerprints.</source>
        <translation>Souk 只在此时显示这些恢复码，之后仅保存其指纹。</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="235"/>
        <source>I have &amp;saved them</source>
        <translation>我已保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/people/TotpSetupDialog.cpp" line="266"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>souk::TrainModelDialog</name>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="22"/>
        <source>Train a risk model</source>
        <translation>训练风控模型</translation>
    </message>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="27"/>
        <source>Many small decision trees: usually the more accurate, slower to train</source>
        <translation>由许多小决策树组成：通常更准确，训练较慢</translation>
    </message>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="29"/>
        <source>One weight per feature: quick to train and easy to explain</source>
        <translation>每个特征一个权重：训练快，易于解释</translation>
    </message>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="39"/>
        <source>The model learns from the payments before the cut-off date and is evaluated on the payments after it, which it has not seen. Leave enough recent payments after the cut-off to judge it: thirty days is a good start.</source>
        <translation>模型从截止日期之前的付款中学习，并在它从未见过的、截止日期之后的付款上评估。请在截止日期之后留出足够的近期付款来评判它：三十天是不错的起点。</translation>
    </message>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="45"/>
        <source>Training takes a few seconds per million payments. The new model does not score payments until you activate it.</source>
        <translation>每百万笔付款训练约需数秒。新模型在您启用之前不会为付款评分。</translation>
    </message>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="52"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="53"/>
        <source>&amp;Cut-off date:</source>
        <translation>截止日期(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../views/risk/TrainModelDialog.cpp" line="56"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
</context>
<context>
    <name>souk::TrustDialog</name>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="44"/>
        <source>Warning: the node&apos;s certificate changed</source>
        <translation>警告：节点的证书已更改</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="44"/>
        <source>Trust this node?</source>
        <translation>信任此节点吗？</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="65"/>
        <source>The certificate of %1 has CHANGED since you last connected.</source>
        <extracomment>%1 = the node&apos;s URL</extracomment>
        <translation>自您上次连接以来，%1 的证书已经更改！</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="67"/>
        <source>Someone may be posing as the node to read what you send, or its operator replaced the certificate. Do not go on unless the operator told you of a new certificate and you compared its fingerprint.</source>
        <translation>可能有人冒充该节点以窃取您发送的内容，也可能是节点的运维人员更换了证书。除非运维人员告知了新证书并且您已核对其指纹，否则请不要继续。</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="70"/>
        <source>Trusted until now:</source>
        <translation>此前信任的：</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="71"/>
        <source>Offered now:</source>
        <translation>现在提供的：</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="74"/>
        <source>First connection to %1</source>
        <extracomment>%1 = the node&apos;s URL</extracomment>
        <translation>首次连接到 %1</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="75"/>
        <source>This computer has not connected to this node before, and no authority it knows signed the node&apos;s certificate. Ask the node&apos;s operator for its SHA-256 fingerprint and compare it with this one before you trust it:</source>
        <translation>本机此前未连接过此节点，且节点的证书不是由本机认可的机构签发的。请向节点的运维人员索取其 SHA-256 指纹，核对一致后再信任：</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="78"/>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="84"/>
        <source>&amp;Trust the new certificate</source>
        <translation>信任新证书(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="84"/>
        <source>&amp;Trust and connect</source>
        <translation>信任并连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/connect/TrustDialog.cpp" line="97"/>
        <source>The node&apos;s operator &amp;confirmed the new fingerprint</source>
        <translation>节点运维人员已确认新指纹(&amp;C)</translation>
    </message>
</context>
<context>
    <name>souk::UserListModel</name>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="173"/>
        <source>Disabled on %1: cannot sign in, and its API keys are revoked.</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>已于 %1 停用：无法登录，其 API 密钥已被吊销。</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="176"/>
        <source>Has a one-time password: chooses their own at the next sign-in.</source>
        <translation>使用一次性密码：下次登录时需设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="180"/>
        <source>Wrong passwords or codes since the last sign-in; many in a row pause sign-in for a while.</source>
        <translation>自上次登录以来输错密码或验证码的次数；连续输错多次将暂停登录一段时间。</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="233"/>
        <source>Name</source>
        <comment>user name</comment>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="235"/>
        <source>Role</source>
        <comment>user role</comment>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="238"/>
        <source>Two-step</source>
        <extracomment>whether the user signs in with a code from an authenticator app too</extracomment>
        <translation>两步验证</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="240"/>
        <source>State</source>
        <comment>user active or disabled</comment>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="242"/>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../models/people/UserListModel.cpp" line="244"/>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
</context>
<context>
    <name>souk::UsersPage</name>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="71"/>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="72"/>
        <source>&amp;Disable…</source>
        <comment>disable a user</comment>
        <translation>停用(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="73"/>
        <source>&amp;Reset two-step…</source>
        <translation>重置两步验证(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="74"/>
        <source>Turn off the user&apos;s two-step sign-in, for a lost phone; they set it up again</source>
        <translation>关闭该用户的两步验证（适用于手机丢失）；之后由其重新设置</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="75"/>
        <source>API &amp;keys…</source>
        <translation>API 密钥(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="76"/>
        <source>Set up &amp;two-step sign-in…</source>
        <translation>设置两步验证(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="98"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="128"/>
        <source>Your role does not manage people. You can set up two-step sign-in for yourself.</source>
        <translation>您的角色无权管理用户。您可以为自己设置两步验证。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="130"/>
        <source>This store has no users yet: whoever opens it is its owner, without a password. Add a user to make everyone sign in, from the next start of Souk on.</source>
        <translation>此数据文件还没有用户：任何打开它的人无需密码即为店主。添加用户后，从下次启动 Souk 起所有人都需要登录。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="133"/>
        <source>The people of your merchant. You add owners and staff, disable them, reset their two-step sign-in and manage their API keys.</source>
        <translation>您所在商家的用户。您可以添加或停用店主和店员，重置其两步验证，并管理其 API 密钥。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="136"/>
        <source>Everyone who signs in to this store, for every merchant.</source>
        <translation>所有商家中登录此数据文件的全部用户。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="174"/>
        <source>You cannot disable yourself: ask another owner or an administrator</source>
        <translation>您不能停用自己：请联系其他店主或管理员</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="175"/>
        <source>Stop the user from signing in; their API keys stop working</source>
        <translation>禁止该用户登录，其 API 密钥也将失效</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="180"/>
        <source>Ask for a code from an authenticator app after your password</source>
        <translation>登录时除密码外，还需输入身份验证器应用中的验证码</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="181"/>
        <source>Two-step sign-in belongs to a user: add one for yourself and sign in as it</source>
        <translation>两步验证需绑定到用户：请为自己添加一个用户并以该用户登录</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="189"/>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="204"/>
        <source>Added %1 as %2.</source>
        <extracomment>%1 is a user name, %2 a role (&quot;Staff&quot;)</extracomment>
        <translation>已将 %1 添加为%2。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="210"/>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="212"/>
        <source>Hand this password to %1 in person, or over a channel only they read. They sign in with the name “%1” and this password once, and then choose their own.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>请当面将此密码交给 %1，或通过只有对方能看到的渠道发送。对方用用户名“%1”和此密码登录一次后，再设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="216"/>
        <source>This is the only time Souk shows this password: it keeps only a hash of it. If it is lost before they sign in, disable the user and add them again.</source>
        <translation>Souk 只显示这一次此密码，之后仅保存其哈希值。如果在对方登录前丢失，请停用该用户并重新添加。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="218"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="231"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="233"/>
        <source>Disable %1? They are signed out, cannot sign in again, and their API keys stop working.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>停用 %1？该用户将被退出登录且无法再次登录，其 API 密钥也将失效。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="234"/>
        <source>Disable</source>
        <comment>disable a user</comment>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="244"/>
        <source>Disabled %1.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="258"/>
        <source>Reset two-step sign-in</source>
        <translation>重置两步验证</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="260"/>
        <source>Reset the two-step sign-in of %1? Their authenticator app and recovery codes stop working, and they sign in with their password alone until they set it up again.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>重置 %1 的两步验证？其身份验证器应用和恢复码将失效，在重新设置之前只需密码即可登录。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="264"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="274"/>
        <source>Two-step sign-in of %1 is off. They can set it up again.</source>
        <extracomment>%1 is a user name</extracomment>
        <translation>已关闭 %1 的两步验证。该用户可以重新设置。</translation>
    </message>
    <message>
        <location filename="../views/people/UsersPage.cpp" line="296"/>
        <source>Two-step sign-in is on for you.</source>
        <translation>您已开启两步验证。</translation>
    </message>
</context>
<context>
    <name>souk::VariantTableModel</name>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="330"/>
        <source>SKU</source>
        <comment>variant column</comment>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="333"/>
        <source>Option %1</source>
        <comment>variant column for an unnamed option</comment>
        <translation>属性 %1</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="337"/>
        <source>Price (%1)</source>
        <comment>variant column</comment>
        <extracomment>%1 is the currency code, e.g. &quot;Price (EUR)&quot;</extracomment>
        <translation>价格 (%1)</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="339"/>
        <source>Compare-at</source>
        <comment>variant column: the former price shown struck out</comment>
        <translation>划线价</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="341"/>
        <source>Cost</source>
        <comment>variant column: what the merchant pays</comment>
        <translation>成本价</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="343"/>
        <source>Barcode</source>
        <comment>variant column</comment>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="345"/>
        <source>Weight (g)</source>
        <comment>variant column</comment>
        <translation>重量 (g)</translation>
    </message>
    <message>
        <location filename="../models/catalog/VariantTableModel.cpp" line="347"/>
        <source>Low-stock threshold</source>
        <comment>variant column</comment>
        <translation>低库存阈值</translation>
    </message>
</context>
<context>
    <name>souk::app::Console</name>
    <message>
        <location filename="../app/souk/Console.cpp" line="62"/>
        <source>Cannot open the store</source>
        <translation>无法打开店铺数据</translation>
    </message>
    <message>
        <location filename="../app/souk/Console.cpp" line="208"/>
        <source>&amp;Connect to node…</source>
        <translation>连接到节点(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/souk/Console.cpp" line="211"/>
        <source>Work on a Souk node over HTTPS, or on another one</source>
        <translation>通过 HTTPS 使用 Souk 节点，或切换到另一个节点</translation>
    </message>
</context>
</TS>
