"""Every regular expression the generator uses, compiled once, with an example of what each matches.

ASCII and full-width forms of the same punctuation are accepted alike: one published plan
writes ``(一)`` and ``,``, another ``（一）`` and ``，``.
"""

import re

NUMERAL_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL_CHARS = "".join(NUMERAL_DIGITS) + "".join(NUMERAL_UNITS)

# Sentence-ending punctuation; ； and ; end a clause too (finer citation in lists of targets).
SENTENCE_ENDERS = "。！？!?；;"
# Closing quotes and brackets that stay with the sentence they close: 。” 。）
CLOSERS = "”’\"'」』）)】》〕"

# 一、把铸牢中华民族共同体意识作为民族地区各项工作的主线
CHAPTER_HEADING = re.compile(rf"^(?P<number>[{CHINESE_NUMERAL_CHARS}]+)、(?P<title>.+)$")

# (一)扎实推进“三北”工程攻坚战。  /  （一）突出扩大内需战略基点
SECTION_MARKER = re.compile(rf"^[(（](?P<number>[{CHINESE_NUMERAL_CHARS}]+)[)）]")

# 实施“三北”工程质量年行动,  …  完成生态建设任务4000万亩。  — one sentence with its closers.
SENTENCE = re.compile(rf"[^{SENTENCE_ENDERS}]+(?:[{SENTENCE_ENDERS}]+[{CLOSERS}]*)?|[{SENTENCE_ENDERS}]+[{CLOSERS}]*")

# 。 or ； anywhere: a heading line without one is a bare heading (no body sentence).
HAS_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDERS}]")

# 内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知
NOTICE_TITLE = re.compile(r"^(?P<issuer>.{2,40}?)关于.{2,80}的通知$")

# 内政发〔2026〕5号  /  国发[2026]1号
DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号$")

# 各盟行政公署、市人民政府,自治区各委、办、厅、局,各大企业、事业单位:
ADDRESSEES = re.compile(r"^[^。]{2,200}、[^。]*[:：]$")

# 2026年2月13日
DATE_LINE = re.compile(r"^(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日$")

# (此件公开发布)
PUBLICATION_NOTE = re.compile(r"^[(（]此件[^)）]{1,20}[)）]$")

# 《2026年内蒙古自治区国民经济和社会发展计划》 → the title inside the book-title marks
QUOTED_TITLE = re.compile(r"《(?P<title>[^《》]{2,80})》")

# 2026年内蒙古自治区国民经济和社会发展计划  /  2026年政府工作报告
PLAN_TITLE = re.compile(r"^[^。，,：:！？]{2,60}(?:计划|规划|报告|纲要|方案)$")

# 2026年经济社会发展的主要预期目标是:地区生产总值增长5%左右,…
MAIN_TARGETS = re.compile(r"主要预期目标")

# 总体要求是:以习近平新时代中国特色社会主义思想为指导,…
GENERAL_REQUIREMENTS = re.compile(r"总体要求")

# Web-page debris, one pattern per kind; the key names the kind in the build report.
DEBRIS_LINE = {
    # _DSC2271.png
    "image": re.compile(r"^[\w.\-]+\.(?:png|jpe?g|gif|webp|bmp|svg)$", re.IGNORECASE),
    # 编辑:杨净毓  /  责任编辑：
    "editor": re.compile(r"^(?:责任)?编辑[:：]"),
    # 北疆新闻版权与免责声明:  /  版权声明:…  /  Copyright © 2016- 北疆新闻
    "copyright": re.compile(r"^(?:Copyright|版权声明|.{0,20}版权与免责声明)|©|ICP备|公网安备", re.IGNORECASE),
    # 北疆新闻 | 内蒙古自治区重点新媒体平台,…
    "site-banner": re.compile(r" \| "),
    # 北疆新闻 > 要闻 > 正文  /  当前位置：
    "breadcrumb": re.compile(r" > |^>$|^(?:当前位置|您的位置)[:：]?$"),
    # 11069 (a view counter)
    "counter": re.compile(r"^\d+$"),
    # 【字体：  /  打印本页  /  分享到:
    "widget": re.compile(r"^(?:【.*|】|[大中小]|打印本页|关闭窗口|分享到.*|扫一扫.*|收藏|\|)$"),
}

# //# sourceMappingURL=bundle.a5f9d56c.min.js.map  /  /*# sourceMappingURL=main.css.map */
SOURCE_MAP_COMMENT = re.compile(r"\n?(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)[ \t]*\n?$")

#  xmlns="http://www.w3.org/2000/svg" (redundant on <svg> in HTML, and names an outside host)
SVG_XMLNS = re.compile(r' xmlns="http://www\.w3\.org/2000/svg"')

# A run of spaces or line breaks, for readable one-line summaries.
WHITESPACE_RUN = re.compile(r"\s+")

# A slug made of lowercase ASCII words: nmg-2026-plan
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Characters that cannot appear in a slug: 2026_四川 省 → runs replaced by "-"
NON_SLUG_RUN = re.compile(r"[^a-z0-9]+")


def chinese_numeral_to_int(numeral: str) -> int:
    """Value of a Chinese numeral such as 十四 (14), 二十一 (21) or 一百零五 (105)."""
    total, pending = 0, None
    for char in numeral:
        if char in NUMERAL_UNITS:
            total += (1 if pending is None else pending) * NUMERAL_UNITS[char]
            pending = None
        elif char in NUMERAL_DIGITS and (pending is None or pending == 0):
            pending = NUMERAL_DIGITS[char]
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if not numeral:
        raise ValueError("not a Chinese numeral: ''")
    return total + (pending or 0)


# --- Quantitative targets (generator/indicators.py) ---------------------------------------------

# Units a target's number is counted or measured in, longest first; a magnitude (万, 亿…) may lead.
_MAGNITUDE = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)"
_MEASURE = (
    r"(?:个百分点|百分点|%|％|‰|倍|平方公里|平方米|立方米|微克/立方米|千瓦时|千瓦|千伏|公里|千米|公顷|公斤|千克"
    r"|吨|斤|亩|米|美元|元|人次|人|户|个|家|条|头|只|项|所|座|件|台|辆|套|架|艘|处|批|名|株|棵|岁|标准箱)"
)

# 5%  5.7%  18万人  12.5亿吨  1万亿元  2000亿千瓦时  500万平方米  ５％  1900多个 — a number and its
# unit as written (多/余 between them means "more than"). Not a number glued to letters or digits
# (PM2.5, 5G), nor a span of time (3个月).
QUANTITY = re.compile(
    r"(?<![0-9０-９.．A-Za-z])(?P<value>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<more>多|余)?"
    rf"(?P<unit>{_MAGNITUDE}?{_MEASURE})(?!月|年|工作日|小时|季度|[A-Za-z])"
)

# Units of an attribute that describes a thing rather than counting it: 500千伏输变电工程  6岁儿童
ATTRIBUTE_UNIT = re.compile(r"(?:千伏|伏|岁)$")

# 2026  7.5  ５ — a bare number, in a 分别 list whose last value carries the unit: 分别达到100、200万吨
NUMBER = re.compile(r"(?<![0-9０-９.．A-Za-z])[0-9０-９]+(?:[.．][0-9０-９]+)?")

# A number as an editor may quote it from the text: 5.7  840  ５．５  十  一百二十
NUMBER_AS_WRITTEN = re.compile(rf"[0-9０-９]+(?:[.．][0-9０-９]+)?|[{CHINESE_NUMERAL_CHARS}万亿]+")

# A qualifier right after the unit: 5%左右  18万人以上  5.5%以内  500万平方米以下
COMPARATOR_AFTER = re.compile(r"^(?P<word>左右|上下|及以上|以上|以内|之内|以下)")

# A qualifier right before the number (end of the text before it): 超过840亿斤  不低于  控制在3%
COMPARATOR_BEFORE = re.compile(
    r"(?P<word>不低于|不少于|至少|不超过|不高于|低于|少于|超过|高于|多于|突破|超|控制在|大约|约)$"
)

# What makes a number an ordinal, a list heading or a whole, not a target: 第16届  前10名
# 以下10个方面  全区12个盟市 (all of them, as they are)
NOT_A_TARGET_BEFORE = re.compile(r"(?:第|前|以下|下列|如下|全(?:国|省|区|市|州|县|盟))$")

# What makes a count a heading or a rank, not a target: 9个方面工作  全国4个省份之一
NOT_A_TARGET_AFTER = re.compile(r"(?:方面|[\u4e00-\u9fff]{0,8}之一)")

# Quoted text and titles hold names and slogans, not targets: “1571”工作部署  《…2026…》
QUOTED = re.compile(r"“[^“”]*”|‘[^‘’]*’|《[^《》]*》|「[^「」]*」|〈[^〈〉]*〉")

# A bracketed insert, read as part of the words around it: 新（改）建6000公里  16个县（市、区）
BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")

# Where one phrase of a clause ends and the next begins: 城镇调查失业率5.7%左右,城镇新增就业18万人以上
PHRASE_BREAK = re.compile(r"[，,；;。：:！!？?]")

# Where one item of a phrase's list ends: 培育50家先进级智能工厂、新建90家绿色工厂
ITEM_BREAK = re.compile(r"、")

# A unit at the start of the text, for values listed after 分别: 180万头  4000万只  5%
UNIT = re.compile(rf"{_MAGNITUDE}?{_MEASURE}(?!月|年|工作日|小时|季度|[A-Za-z])")

# Names listed before 分别 (or 均, "each"), and the values after it:
# 育肥牛、育肥羊出栏数分别达到180万头和4000万只以上  游客人次、旅游花费均增长10%以上 (not 人均, 年均)
RESPECTIVELY = re.compile(r"^(?P<names>.+?)(?:分别|(?<![人平年])均(?=增长|达到|超过|高于|提高|保持|稳定|不低于))(?P<values>.+)$")

# Separators of a 分别 list: 育肥牛、育肥羊  180万头和4000万只  5%左右、5%以上
LIST_SEPARATOR = re.compile(r"以及|、|和|及|与")

# Words that open a phrase but are not part of the quantity's name: 力争外贸进出口总值…  完成建设投资…
NAME_LEAD = re.compile(
    r"^(?:(?:到|至|在)?[0-9０-９]{4}年(?:底|末|前)?)?(?:和|及|以及|与|并|其中|全年|累计)?(?:力争|争取|努力|确保|全力|持续|进一步|继续|力求)*"
    r"(?:完成|实现|实施|开展|培育|推出|建成|打造|推选|投入|推动|推进|建设|引进|落实|举办|安排|达到)?"
)

# Verbs between a quantity's name and its number: 粮食产量超过  煤炭产量稳定在  地区生产总值比上年增长
NAME_TRAIL = re.compile(
    r"(?:分别|均|年均|要|将|可|预计|力争|争取)?"
    r"(?:达到|达|稳定在|保持在|控制在|稳定|保持|提高到|提升到|提高至|提升至|增加到|增至|降至|下降到|降低到"
    r"|增长|增加|提高|提升|上涨|超过|突破|超|不低于|不少于|不超过|不高于|高于|低于|少于|至少|大约|约|为|在|到|的"
    r"|(?:比|较)(?:上年|去年|[0-9０-９]{4}年))$"
)

# A change, not a level, when the number follows directly: 增长5%  涨幅2%  下降3%  提高2个百分点
GROWTH_VERB = re.compile(r"(?:增长|增速|涨幅|增幅|提高|提升|上涨|下降|降低|减少|回落)(?:率)?$")

# A name that already says "change": 居民消费价格涨幅  规模以上工业增加值增速
GROWTH_NAME = re.compile(r"(?:涨幅|增速|增幅|增长率|下降|降低|减少)$")

# Units of money: 亿元  万元  美元  亿美元
MONEY_UNIT = re.compile(r"元$")

# Units that count separate things: 18万人  20个  50家  180万头  4000万只  300条
COUNT_UNIT = re.compile(r"(?:人次|人|户|个|家|条|头|只|项|所|座|件|台|辆|套|架|艘|处|批|名|株|棵|标准箱)$")

# Percentages and their points, where 增长 marks a growth rate: 5%  ５％  2个百分点
RATE_UNIT = re.compile(r"(?:%|％|‰|百分点|倍)$")

# A quantity's name that is only a measure and needs its subject from the phrase before:
# 发展林草产业,力争产值达到1200亿元 → 林草产业产值
GENERIC_MEASURE = re.compile(r"^(?:总?产值|交易额|交易量|产量|总?规模|营收|营业收入|收入|增加值|销售额|总额|总量|投资额?)$")

# The subject of a phrase such as 发展林草产业 or 高标准推进内蒙古牛羊肉交易中心建设
PHRASE_SUBJECT = re.compile(
    r"^.*?(?:推进|推动|发展|建设|实施|加快|打造|培育|加强|壮大|做强|做大)(?P<subject>.+?)(?:建设|发展)?$"
)

# Verbs after a counted thing's name: 4个国家骨干物流基地提质升级 → 国家骨干物流基地
COUNTED_TRAIL = re.compile(r"(?:提质升级|提档升级|建设)$")

# Words before a counted thing's name: 2.5万套（间）城市危旧房 → 城市危旧房
COUNTED_LEAD = re.compile(r"^(?:的|（[^（）]*）|\([^()]*\))+")

# The sentence that states the year's main targets: 2026年经济社会发展的主要预期目标是:…  主要预期目标为：
MAIN_TARGETS_STATEMENT = re.compile(r"主要预期目标(?:是|为)?[:：]")

# A chapter looking back, whose numbers are results, not targets: 一、2025年工作回顾  2025年工作总结和…成就
# 一、2025年国民经济和社会发展计划执行情况
REVIEW_CHAPTER = re.compile(r"回顾|总结|成就|成绩|执行情况")

# A year named in the text, and whether it is a base of comparison: 2025年4月1日  比2025年增长
YEAR = re.compile(r"(?P<base>比|较|与|同)?(?<![0-9０-９])(?P<year>[12][0-9]{3})年")
