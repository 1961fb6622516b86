/**
 * Building blocks of the demo opinions' Chinese texts: for each category the problems
 * residents raise, what it does to them, what they ask for, what a deputy finds on site,
 * which department leads and what was done. `{slot}` marks a place, number or name that
 * the generator fills once per opinion, so the reply talks about the same road as the
 * complaint. Everything here is invented; no real case is quoted.
 */

/**
 * One kind of problem: what the resident writes, the department that usually leads (三议),
 * and what was done in the end (办结 reply). `{town}` is the township's name.
 */
export interface Case {
  problem: string;
  lead: string;
  result: string;
}

/** The texts of one category. */
export interface CategoryTexts {
  cases: readonly Case[];
  impacts: readonly string[];
  requests: readonly string[];
  /** What a deputy writes after the site visit (二看). */
  findings: readonly string[];
}

const c = (problem: string, lead: string, result: string): Case => ({ problem, lead, result });

const FINDINGS_COMMON = [
  '代表走访核实，反映的情况属实。',
  '代表会同{town}干部核实，情况基本属实。',
  '代表走访了周边{n}户居民，大家反映的情况一致。',
];

export const CATEGORY_TEXTS: Readonly<Record<string, CategoryTexts>> = {
  road_traffic: {
    cases: [
      c(
        '{road}从{road2}路口到{community}这一段路面坑洼不平，有好几处大坑',
        '区交通运输局',
        '已对{road}破损路面进行修补，恢复正常通行',
      ),
      c('{road}与{road2}交叉口的红绿灯坏了{dur}', '区公安分局交警大队', '已更换损坏的信号灯，路口恢复正常运行'),
      c('{community}门口的人行道被汽车和电动车占满了', '区城管局', '已在{community}门口施划停车位并安装隔离桩，人行道恢复畅通'),
      c(
        '{village}通往镇上的村道年久失修，路面破损严重',
        '区交通运输局',
        '{village}村道已纳入农村公路提质改造项目，路面已重新硬化',
      ),
      c('{road}上有{n}盏路灯不亮', '区城管局', '已修复{road}全部路灯'),
      c(
        '{school}门口上下学时段车辆乱停乱放，交通非常拥堵',
        '区公安分局交警大队',
        '交警部门已在上下学时段安排警力疏导，并设置临时停车区',
      ),
      c('{n}路公交车班次太少，高峰期要等四十多分钟', '区交通运输局', '公交公司已在早晚高峰加密{n}路班次'),
      c('{road}的窨井盖缺失，只用雪糕筒临时围着', '区住建局', '已补装窨井盖，并对{road}全线井盖进行了排查'),
      c('{village}路口是个急弯，没有反光镜和警示标志', '区交通运输局', '已在{village}路口安装凸面反光镜和急弯警示标志'),
      c('大货车经常在{road}上超速行驶，噪音很大', '区公安分局交警大队', '已在{road}增设限速标志和测速设备，并加强夜间巡查'),
    ],
    impacts: [
      '晚上出行很不安全',
      '老人小孩走路容易摔跤',
      '已经发生过好几次剐蹭事故',
      '下雨天积水严重，行人根本没法走',
      '上班上学都受影响',
    ],
    requests: ['希望有关部门尽快修复。', '请代表帮忙反映，尽早解决。', '建议增设减速带和警示标志。', '希望尽快想办法解决。'],
    findings: [...FINDINGS_COMMON, '代表到现场查看，情况属实，已拍照留存。', '现场查看，{road}路段确实存在安全隐患。'],
  },
  utilities: {
    cases: [
      c('{home}已经停水{dur}了，事先没有任何通知', '市自来水公司', '经抢修，供水已恢复正常；今后计划停水将提前三天通知'),
      c('{community}的自来水水压太低，{n}楼以上经常没水', '区水务局', '已为{community}加装二次加压设备，高楼层水压恢复正常'),
      c('{village}{group}组的自来水发黄，还有异味', '区水务局', '已更换{village}老化供水管道，水质检测合格'),
      c('{community}一到晚上就频繁停电', '区供电公司', '已对{community}供电线路进行改造，供电恢复稳定'),
      c('{village}的电压不稳，空调和冰箱都开不起来', '区供电公司', '已在{village}新增一台变压器，电压恢复正常'),
      c('{community}的老旧燃气管道锈蚀严重，楼道里经常有煤气味', '燃气公司', '燃气公司已更换锈蚀管道，并完成入户安全检查'),
      c('{village}还没有通天然气，冬天只能烧煤烧柴', '区住建局', '{village}已列入明年燃气管网延伸计划，施工方案已公示'),
      c('{road}边的变压器噪音很大，离居民楼太近', '区供电公司', '已对{road}边的变压器加装隔音设施，噪音明显降低'),
    ],
    impacts: ['日常生活受到很大影响', '老人做饭洗澡都成问题', '大家都很担心安全', '家里的电器已经烧坏了两台'],
    requests: [
      '希望有关部门尽快查明原因。',
      '请有关部门尽快检修。',
      '希望能尽早纳入改造计划。',
      '请代表帮我们问问什么时候能解决。',
    ],
    findings: [...FINDINGS_COMMON, '代表入户查看，情况属实，受影响的有{n2}多户。'],
  },
  housing: {
    cases: [
      c('{community}{n}栋的屋顶漏水{dur}，物业一直不处理', '区住建局', '已督促物业完成{community}{n}栋屋顶防水维修'),
      c('{community}是老旧小区，楼道墙皮脱落、电线老化', '区住建局', '{community}已纳入今年老旧小区改造计划，施工已经开始'),
      c('{community}的电梯经常停运，上个月还困过人', '区市场监管局', '已督促维保单位更换电梯主要部件，电梯已通过检验'),
      c('我们小区交房{n}年了，还办不下不动产权证', '区自然资源局', '已协调开发商补齐手续，不动产权证开始分批办理'),
      c('{village}有几户危房，雨季随时可能倒塌', '区住建局', '已对{village}危房进行鉴定，{n}户已完成加固改造'),
      c('{community}的物业费涨了，服务却越来越差', '{town}办事处', '已组织业主大会协商物业服务标准，物业公司已公示整改措施'),
      c('公租房申请材料交上去{dur}了，一直没有消息', '区住建局', '已完成资格审核，申请人已进入轮候名单并电话告知'),
      c('{community}楼下的违章搭建占用了消防通道', '区城管局', '已依法拆除违章搭建，消防通道恢复畅通'),
    ],
    impacts: ['住户意见很大', '存在严重的安全隐患', '影响到很多家庭的正常生活', '老人上下楼非常困难'],
    requests: ['希望纳入老旧小区改造计划。', '请有关部门督促整改。', '希望尽快协调解决。', '请代表帮忙反映到住建部门。'],
    findings: [...FINDINGS_COMMON, '代表入户查看了{n}户，情况属实。'],
  },
  education: {
    cases: [
      c('{school}附近没有校外托管，孩子放学后没人照看', '区教育局', '{school}已开展课后延时服务，家长可自愿报名'),
      c('{school}班额太大，一个班有{n2}多个学生', '区教育局', '已通过新建教室和调整招生计划，逐步将班额降到45人以内'),
      c('{community}附近没有公办幼儿园，民办园收费太高', '区教育局', '已在{community}附近新增普惠性幼儿园学位{n2}个'),
      c('{school}门口的小商贩卖三无食品', '区市场监管局', '市场监管部门已开展校园周边食品安全专项整治'),
      c('{village}的孩子上学要走{n}公里山路', '区教育局', '已开通{village}至学校的校车线路'),
      c('{school}食堂饭菜质量差，价格还高', '区教育局', '已督促{school}更换食堂供应商，并公开菜品价格'),
    ],
    impacts: ['家长们非常着急', '孩子的安全和健康得不到保障', '双职工家庭压力很大'],
    requests: ['希望教育部门统筹解决。', '请有关部门加强监管。', '希望尽快想办法解决。'],
    findings: [...FINDINGS_COMMON, '代表到{school}了解情况，与校方和家长代表进行了座谈。'],
  },
  health: {
    cases: [
      c('{clinic}缺医少药，看个感冒都要跑到城里', '区卫生健康局', '已为{clinic}补充常用药品，并安排医生定期坐诊'),
      c('{community}的社区卫生服务站经常不开门', '区卫生健康局', '{community}社区卫生服务站已调整为全天开放'),
      c('{clinic}只有{n}个医生，排队要排半天', '区卫生健康局', '已为{clinic}增配医生{n}名，并开通预约挂号'),
      c('家庭医生签约了，可一年都没见过医生上门', '区卫生健康局', '家庭医生团队已上门随访，并建立了健康档案'),
      c('{village}离最近的医院有{n}公里，老人看病很难', '区卫生健康局', '卫健局已安排医生每周两次到{village}巡诊'),
      c('希望{clinic}能开通医保刷卡', '区医保局', '{clinic}已开通医保刷卡结算'),
    ],
    impacts: ['老年人看病非常不方便', '群众看病负担重', '小病也拖成了大病'],
    requests: ['希望加强基层医疗力量。', '请卫生部门督促整改。', '建议定期安排医生下乡巡诊。'],
    findings: [...FINDINGS_COMMON, '代表到{clinic}了解了人员和药品配备情况。'],
  },
  social_security: {
    cases: [
      c('我父亲今年满{elder}岁了，高龄津贴一直没有发放', '区民政局', '经核实，已为老人补发高龄津贴'),
      c('{village}的低保评定不公开、不透明', '区民政局', '{village}低保评定结果已张榜公示，接受群众监督'),
      c('养老保险转移接续手续太复杂，跑了好几趟都没办成', '区人社局', '人社部门已安排专人帮办，转移手续已办结'),
      c('{community}的老年食堂关门了，独居老人吃饭成了问题', '区民政局', '{community}老年食堂已恢复营业，并为独居老人送餐上门'),
      c('残疾人两项补贴申请了{dur}还没批下来', '区残联', '残疾人两项补贴已审批通过并发放到位'),
      c('{community}没有日间照料中心，老人白天没人照顾', '区民政局', '{community}日间照料中心已选址，计划年内投入使用'),
    ],
    impacts: ['老人生活很困难', '群众意见很大', '家里负担很重'],
    requests: ['希望有关部门尽快核实办理。', '请代表帮忙督促。', '建议简化办理流程。'],
    findings: [...FINDINGS_COMMON, '代表与{town}民政干部一起入户核实了情况。'],
  },
  employment: {
    cases: [
      c('{firm}拖欠我们{n2}多名工人的工资{dur}了', '区劳动保障监察大队', '劳动监察大队已督促{firm}结清全部拖欠工资'),
      c('{community}的就业技能培训班太少，报不上名', '区就业服务中心', '就业服务中心已在{community}增开培训班{n}期'),
      c('希望多组织一些针对{midage}岁以上人员的招聘会', '区就业服务中心', '已举办大龄人员专场招聘会，提供岗位{n2}多个'),
      c('{firm}不给员工缴社保', '区人社局', '已责令{firm}为员工补缴社保'),
      c('大学生回乡创业，申请创业担保贷款太难', '区人社局', '已安排专人对接，创业担保贷款已审批发放'),
      c('{village}的留守妇女想就近就业，没有门路', '{town}人民政府', '已在{village}引进手工加工项目，{n2}多名妇女实现就近就业'),
    ],
    impacts: ['家里生活都成问题', '大家都很着急', '影响年轻人回乡发展'],
    requests: ['希望有关部门尽快介入。', '建议多开展技能培训。', '请有关部门帮忙协调。'],
    findings: [...FINDINGS_COMMON, '代表与相关人员座谈，核实了具体情况。'],
  },
  environment: {
    cases: [
      c('{firm}晚上偷偷排放废气，气味刺鼻', '区生态环境分局', '生态环境部门已对{firm}立案查处，并责令安装废气处理设备'),
      c('{village}旁边的小河被生活污水污染，又黑又臭', '区水务局', '已完成河道清淤和截污管网建设，水质明显改善'),
      c('{road}边的垃圾站清运不及时，夏天臭气熏天', '区城管局', '{road}垃圾站已调整为每天清运两次，并定期消杀'),
      c('{community}附近的工地夜间施工，噪音扰民', '区住建局', '已责令工地停止夜间施工，确需连续作业的须提前公示'),
      c('{village}有人焚烧秸秆，烟雾很大', '{town}人民政府', '已加强秸秆禁烧巡查，并推广秸秆还田和收储利用'),
      c('{community}的餐馆油烟直排，楼上住户没法开窗', '区城管局', '已督促餐馆安装油烟净化设备并定期清洗'),
      c('{village}后山有人乱倒建筑垃圾', '区城管局', '已清理建筑垃圾，并在路口加装监控'),
    ],
    impacts: ['严重影响附近居民的身体健康', '晚上根本睡不好觉', '群众反映强烈'],
    requests: ['希望有关部门尽快查处。', '请有关部门加强巡查。', '希望彻底整治。'],
    findings: [...FINDINGS_COMMON, '代表到现场查看，情况属实，已拍照留存。'],
  },
  rural_revitalisation: {
    cases: [
      c('{village}的高标准农田建好后，灌溉渠又堵了', '区农业农村局', '已完成{village}灌溉渠清淤，恢复正常灌溉'),
      c('{village}种的{crop}丰收了，销路却成了问题', '区商务局', '已对接电商平台和商超，帮助销售{crop}{n2}吨'),
      c(
        '{village}的人居环境整治只做了主干道，巷子里还是脏乱差',
        '{town}人民政府',
        '{village}巷道已纳入人居环境整治第二批项目，已完成清理',
      ),
      c('希望在{village}建一个农产品冷链仓库', '区农业农村局', '{village}冷链仓库已列入乡村振兴项目库，明年开工'),
      c('{village}的土地流转租金{dur}没有兑现', '{town}人民政府', '已督促流转企业兑现全部租金'),
      c('{village}的村级活动场所年久失修', '{town}人民政府', '{village}村级活动场所已完成修缮'),
      c('希望把{village}的{crop}特色产业做大做强', '区农业农村局', '已将{village}{crop}产业纳入特色产业扶持计划，安排技术指导'),
      c('{village}的农机购置补贴申请太复杂', '区农业农村局', '农机购置补贴已实行线上申请，并安排专人指导'),
    ],
    impacts: ['农民增收受到影响', '群众的积极性受挫', '影响乡村振兴的推进'],
    requests: ['希望农业农村部门帮助解决。', '请镇政府统筹安排。', '希望给予政策和资金支持。'],
    findings: [...FINDINGS_COMMON, '代表实地察看，并与{village}的种植户座谈。'],
  },
  public_order: {
    cases: [
      c('{community}附近经常有人聚众赌博', '{town}派出所', '派出所已开展专项整治，查处赌博窝点{n}处'),
      c('{road}夜市散场后经常有人酗酒闹事', '{town}派出所', '已在{road}夜市增设警务服务点，加强夜间巡逻'),
      c('{community}的监控摄像头坏了{dur}，电动车接连被盗', '{town}派出所', '{community}监控已全部修复，新增摄像头{n}个'),
      c('有人冒充工作人员上门推销保健品，骗老人的钱', '区公安分局', '公安机关已立案侦查，并在社区开展防诈骗宣传'),
      c('{village}有人私拉电网捕鱼，非常危险', '{town}派出所', '已拆除私拉电网，并对当事人依法处理'),
      c('{school}周边有社会青年欺负学生', '{town}派出所', '已加强{school}周边巡逻，上下学时段安排护学岗'),
    ],
    impacts: ['居民很没有安全感', '老人被骗了不少钱', '随时可能出人命'],
    requests: ['希望公安机关加强巡逻。', '请有关部门依法打击。', '希望尽快解决。'],
    findings: [...FINDINGS_COMMON, '代表与社区民警一起走访了解，情况属实。'],
  },
  other: {
    cases: [
      c('{community}的健身器材坏了{dur}没人修', '{town}办事处', '已更换{community}全部损坏的健身器材'),
      c('建议在{road}附近建一个口袋公园', '区城管局', '{road}口袋公园已纳入明年城市更新项目'),
      c('{town}政务服务中心中午不办业务', '区政务服务中心', '政务服务中心已实行午间不间断服务'),
      c('希望在{village}建一个农家书屋', '区文旅局', '{village}农家书屋已建成开放'),
      c('{community}附近的公共厕所太少', '区城管局', '已在{community}附近新建公共厕所{n}座'),
      c('建议办事大厅多设几个老年人专用窗口', '区政务服务中心', '办事大厅已增设老年人绿色通道窗口'),
    ],
    impacts: ['群众意见比较大', '给大家带来很多不便'],
    requests: ['希望有关部门研究解决。', '请代表帮忙反映。'],
    findings: FINDINGS_COMMON,
  },
};

/** How residents start; the empty ones make most texts start with the problem itself. */
export const OPENINGS = [
  '',
  '',
  '',
  '',
  '您好！',
  '尊敬的人大代表：',
  '我是{home}的居民，',
  '我住在{home}，',
  '代表您好，',
  '我想反映一个问题：',
];
/** Details some residents add. */
export const EXTRAS = [
  '之前打过12345热线，到现在还没有解决。',
  '这个问题已经反映过好几次了。',
  '附近{n2}多户居民都有同样的意见。',
  '特别是下雨天更严重。',
  '老人和孩子出门很不方便。',
  '去年也出现过同样的情况。',
];
export const CLOSINGS = ['', '', '', '谢谢！', '麻烦代表帮忙反映，谢谢。', '盼复。', '希望能得到答复。'];

export const DURATIONS = ['三天', '一个星期', '两个星期', '十多天', '一个多月', '两个多月', '半年多', '快一年'];
export const CROPS = ['茶叶', '蔬菜', '柑橘', '水产', '中药材', '油茶', '葡萄', '猕猴桃'];

/** Replies and notes staff and deputies write; `{deputy}`, `{lead}`, `{deadline}`, `{result}`, `{body}` filled in. */
export const REPLIES = {
  accept: ['您的意见已受理，由{deputy}代表负责跟进。', '已受理登记，{deputy}代表将与您联系了解情况。'],
  deliberate: [
    '经{deputy}代表与{lead}、{town}等单位共同商议，由{lead}牵头办理，计划于{deadline}前办结。',
    '代表、相关部门和群众代表召开协商会，议定由{lead}牵头办理，{deadline}前完成。',
  ],
  progress: [
    '{lead}已安排人员到现场勘查，正在制定方案。',
    '相关工作正在推进中，预计按期完成。',
    '已完成前期准备，近期开始施工。',
  ],
  resolve: ['经{lead}办理，{result}。感谢您的反映，欢迎继续监督。', '{result}。如仍有问题，请继续通过联络站反映。'],
  selfResolve: ['{deputy}代表直接协调，{result}。感谢您的反映。'],
  uphold: ['经复核，{lead}的办理结果符合实际，维持原办理结果。我们将继续关注。'],
  transfer: ['您反映的问题属于{body}的职责范围，已转交{body}办理，请留意其答复。'],
} as const;

/** Internal notes: never shown to residents. */
export const NOTES = [
  '已电话联系反映人，了解了详细情况。',
  '涉及多个部门，需要协调。',
  '反映人要求尽快答复。',
  '已报分管领导。',
  '反映人情绪比较激动，注意沟通方式。',
  '与上次反映的问题相关，一并跟进。',
];

export const REJECT_REASONS = [
  '反映的问题属于民事纠纷，建议通过人民调解或法律途径解决。',
  '该事项已进入司法程序，不属于代表联络站受理范围。',
  '内容不够具体，无法核实。请补充具体地点和情况后重新反映。',
  '反映事项属于企业内部管理问题，建议向企业工会反映。',
];

export const TRANSFER_BODIES = [
  '市供电公司',
  '市自来水公司',
  '市交警支队',
  '市住建局',
  '通信运营商',
  '市生态环境局',
  '铁路部门',
  '市人社局',
];

export const RATING_COMMENTS = {
  satisfied: ['', '', '很满意，办得很快。', '感谢代表！', '问题解决了，谢谢。', '代表很负责。'],
  basically_satisfied: ['', '基本解决了，希望长期保持。', '处理得还行，就是慢了点。'],
  dissatisfied: ['问题没有彻底解决。', '只是临时处理了一下，过几天又坏了。', '没有人联系我。', '答复太笼统。'],
} as const;

export const SUPERVISE_NOTES = ['已逾期，请抓紧办理。', '请加快进度，按期反馈。'];
export const EXTEND_NOTES = ['需要等待施工条件，申请延期。', '涉及资金审批，申请延期。'];
export const REOPEN_NOTES = ['群众不满意，重新安排办理。', '复核发现问题没有彻底解决。'];
