/**
 * Building blocks for place names in the demo district: township, village, community, road,
 * enterprise and project names are composed from these parts by the seeded generator.
 */
import { SURNAMES } from './names';
import type { Rng } from './random';

/** Two-character stems for townships and the places in them (城关 and 东湖 are fixed apart). */
export const PLACE_STEMS = [
  ...'桃源 白沙 青石 石桥 凤凰 龙泉 黄塘 梅岭 新港 柳溪 莲塘 长岗 大坪 云山 金竹 双河 高桥 马鞍 罗坊 松湖 太平 三江 清水 望江 永安 樟树 枫林 竹山 南塘 北港 西山 洪桥 杨林 荷塘 月湖 官田'.split(
    ' ',
  ),
];

const COMMUNITY_STEMS = [
  ...'阳光 幸福 和平 建设 人民 滨湖 胜利 文化 南苑 北苑 育才 紫荆 锦绣 丽景 新村 朝阳 红星 工农 光明 学府 站前 翠苑 湖滨 府前'.split(
    ' ',
  ),
];

const VILLAGE_SUFFIXES = ['家', '庄', '湾', '坊', '桥', '岭', '塘', '坪', '屋', '冲'] as const;
const ROAD_SUFFIXES = ['路', '路', '路', '大道', '街', '大街'] as const;

const FIRM_PREFIXES = [
  ...'恒通 华瑞 鑫源 宏达 金鹏 中联 瑞丰 天成 盛世 远航 嘉禾 永兴 绿源 博雅 正泰 汇丰 创新 众诚 德润 和美 兴旺 明辉 长虹 海纳'.split(
    ' ',
  ),
];
const FIRM_TRADES = [
  '科技',
  '电子科技',
  '新材料',
  '食品',
  '农业发展',
  '机械制造',
  '生物医药',
  '纺织',
  '物流',
  '建材',
  '环保科技',
  '汽车零部件',
] as const;

const PROJECT_WORKS = [
  '大道改造工程',
  '安置小区建设',
  '棚户区改造',
  '污水处理厂扩建',
  '高标准农田建设',
  '学校新建工程',
  '综合管廊工程',
  '滨河公园建设',
] as const;

/** Products of industrial chains, urban and rural. */
const CHAIN_PRODUCTS = {
  urban: ['电子信息', '新能源汽车零部件', '生物医药', '现代物流', '文化创意', '智能制造'],
  rural: ['茶叶', '蔬菜', '水产', '中药材', '绿色食品', '乡村旅游', '油茶', '苗木花卉'],
} as const;

/** A road name such as 凤凰路 or 白沙大道. */
export function roadName(rng: Rng, stem = rng.pick(PLACE_STEMS)): string {
  return stem + rng.pick(ROAD_SUFFIXES);
}

/** A street address on some road: 凤凰路126号. */
export function streetAddress(rng: Rng, stem?: string): string {
  return `${roadName(rng, stem)}${rng.int(1, 399)}号`;
}

/** A village name such as 王家村, 枫林村 or 上塘村. */
export function villageName(rng: Rng): string {
  if (rng.chance(0.55)) {
    const surname = rng.weighted(
      SURNAMES.filter((s) => s.name.length === 1),
      (s) => s.weight,
    ).name;
    return `${surname}${rng.pick(VILLAGE_SUFFIXES)}村`;
  }
  const stem = rng.pick(PLACE_STEMS);
  return rng.chance(0.3) ? `${rng.pick(['上', '下', '前', '后', '新'])}${stem.slice(1)}村` : `${stem}村`;
}

/** A community (社区) name such as 阳光社区. */
export function communityName(rng: Rng): string {
  return `${rng.pick(COMMUNITY_STEMS)}社区`;
}

/** A company name such as 华瑞电子科技有限公司. */
export function enterpriseName(rng: Rng): string {
  const form = rng.chance(0.2) ? '股份有限公司' : '有限公司';
  return `${rng.pick(FIRM_PREFIXES)}${rng.pick(FIRM_TRADES)}${form}`;
}

/** A construction project's name such as 梅岭大道改造工程. */
export function projectName(rng: Rng): string {
  return `${rng.pick(PLACE_STEMS)}${rng.pick(PROJECT_WORKS)}`;
}

/** An industrial chain's product, urban for sub-districts and rural for 乡/镇. */
export function chainProduct(rng: Rng, urban: boolean): string {
  return rng.pick(urban ? CHAIN_PRODUCTS.urban : CHAIN_PRODUCTS.rural);
}
