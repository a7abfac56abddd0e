"""General knowledge that holds for every Chinese plan: provinces, neighbouring and partner countries,
the named regions of national strategy, and the major deserts and rivers.

These are facts of the genre, not of one plan; facts about one plan live in seeds/.
"""

# Province-level divisions: the short name, then the official suffixes it takes.
PROVINCES = {
    "北京": ("市",),
    "天津": ("市",),
    "上海": ("市",),
    "重庆": ("市",),
    "河北": ("省",),
    "山西": ("省",),
    "辽宁": ("省",),
    "吉林": ("省",),
    "黑龙江": ("省",),
    "江苏": ("省",),
    "浙江": ("省",),
    "安徽": ("省",),
    "福建": ("省",),
    "江西": ("省",),
    "山东": ("省",),
    "河南": ("省",),
    "湖北": ("省",),
    "湖南": ("省",),
    "广东": ("省",),
    "海南": ("省",),
    "四川": ("省",),
    "贵州": ("省",),
    "云南": ("省",),
    "陕西": ("省",),
    "甘肃": ("省",),
    "青海": ("省",),
    "台湾": ("省",),
    "内蒙古": ("自治区",),
    "广西": ("壮族自治区", "自治区"),
    "西藏": ("自治区",),
    "宁夏": ("回族自治区", "自治区"),
    "新疆": ("维吾尔自治区", "自治区"),
    "香港": ("特别行政区",),
    "澳门": ("特别行政区",),
}

# Countries a provincial plan names: China's neighbours and its main trading partners.
COUNTRIES = (
    "蒙古国", "俄罗斯", "哈萨克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "乌兹别克斯坦",
    "土库曼斯坦", "阿富汗", "巴基斯坦", "印度", "尼泊尔", "不丹", "缅甸", "老挝", "越南", "朝鲜", "韩国",
    "日本", "菲律宾", "马来西亚", "新加坡", "泰国", "柬埔寨", "印度尼西亚", "孟加拉国", "斯里兰卡",
    "美国", "德国", "法国", "英国", "意大利", "白俄罗斯", "土耳其", "沙特阿拉伯", "阿联酋", "伊朗",
)

# Named regions of national and regional strategy, and world regions.
REGIONS = (
    "京津冀", "长三角", "珠三角", "粤港澳大湾区", "成渝地区双城经济圈", "成渝", "东三省", "港澳",
    "长江经济带", "中亚", "中东", "东南亚", "南亚", "西亚", "东北亚", "东盟",
    "欧洲", "非洲", "拉美", "中东欧",
)

# China's major deserts and sandy lands, often named bare (库布其至河北输电通道).
DESERTS = (
    "塔克拉玛干", "古尔班通古特", "巴丹吉林", "腾格里", "库姆塔格", "柴达木", "库布其", "乌兰布和",
    "科尔沁", "毛乌素", "浑善达克", "呼伦贝尔沙地",
)

# Major rivers, whose one-character stems (黄河) no suffix rule can tell from ordinary words.
RIVERS = (
    "黄河", "长江", "珠江", "淮河", "海河", "辽河", "西辽河", "松花江", "黑龙江", "嫩江", "汉江", "渭河",
    "澜沧江", "怒江", "雅鲁藏布江", "金沙江", "岷江", "嘉陵江", "乌江", "湘江", "赣江", "闽江", "钱塘江",
    "汾河", "洛河", "沁河", "大渡河", "雅砻江", "沱江", "涪江", "南盘江", "红河", "西江", "北江", "东江",
    "滦河", "永定河", "额尔古纳河", "清水河", "泾河",
)
