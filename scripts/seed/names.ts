/**
 * Chinese personal names for the demo roster: a surname drawn by its real-world frequency and a
 * one- or two-character given name. Characters are drawn at random, so no list of people exists
 * anywhere in the code; only the building blocks do.
 */
import type { Rng } from './random';

/**
 * Common surnames with their approximate share of the population in units of 0.01 %
 * (national household-registration rankings, rounded). Compound surnames are rare on purpose.
 */
const SURNAME_TABLE =
  '王712 李679 张658 刘538 陈453 杨308 黄223 赵218 吴205 周191 徐165 孙154 马145 朱132 胡130 ' +
  '郭119 何117 林112 高110 罗108 郑100 梁90 谢84 宋80 唐79 许75 韩73 冯72 邓71 曹69 彭67 ' +
  '曾65 肖63 田62 董61 袁60 潘59 于58 蒋57 蔡56 余55 杜54 叶53 程52 苏51 魏50 吕49 丁48 ' +
  '任47 沈46 姚45 卢44 姜43 崔42 钟41 谭40 陆39 汪38 范37 金36 石35 廖34 贾33 夏32 韦31 ' +
  '付30 方30 白29 邹29 孟28 熊28 秦27 邱27 江26 尹26 薛25 闫25 段24 雷24 侯23 龙23 史22 ' +
  '陶22 黎21 贺21 顾20 毛20 郝19 龚19 邵18 万18 钱17 严17 覃16 武16 戴15 莫15 孔14 向14 ' +
  '汤13 欧阳4 上官1 司马1';

/** A surname and its weight (relative frequency). */
export interface Surname {
  name: string;
  weight: number;
}

/** The weighted surname table, most frequent first. */
export const SURNAMES: readonly Surname[] = SURNAME_TABLE.split(/\s+/)
  .filter(Boolean)
  .map((entry) => {
    const m = /^(\D+)(\d+)$/.exec(entry);
    if (!m) throw new Error(`bad surname entry: ${entry}`);
    return { name: m[1] as string, weight: Number(m[2]) };
  });

/** Characters by gender and by position, as they are usual for people born 1960–2000. */
export const GIVEN_CHARS = {
  male: {
    /** First of two characters (建 in 建国). */
    first: [...'建国志永文明海德春家晓俊子宏立振新成庆光学长天承嘉浩宇思世红卫金'],
    /** Second of two characters (国 in 建国). */
    second: [...'伟强军勇杰涛斌超明刚平辉鹏华飞波宁浩凯健峰林东龙荣祥福生忠松民彬毅博良武锋兴国亮洋'],
    /** A one-character given name (伟 in 张伟). */
    single: [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩凯健俊帆旭峰亮毅'],
  },
  female: {
    first: [...'秀丽玉桂春海晓小慧雅思佳欣雨美淑翠金彩红文婉梦'],
    second: [...'芳娜敏静艳娟霞英玲燕萍红梅琳雪颖倩婷洁琴兰莉晶怡璐丹蓉凤华珍莹'],
    single: [...'芳娜敏静丽艳娟霞玲燕萍红梅琳雪慧颖倩婷洁琴莉晶欣璐丹蓉'],
  },
} as const;

/** Men or women; the roster stores no gender, it only steers the characters. */
export type Gender = 'male' | 'female';

/** Share of given names that are one character (张伟) rather than two (张建国). */
const SINGLE_CHAR_SHARE = 0.3;

/**
 * One random name. Two-character given names never repeat a character, except for the
 * occasional reduplicated women's name (婷婷), which is common.
 *
 * @example
 * randomName(createRng(1), 'female'); // e.g. '陈思颖'
 */
export function randomName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted(SURNAMES, (s) => s.weight).name;
  const chars = GIVEN_CHARS[gender];
  if (rng.chance(SINGLE_CHAR_SHARE)) return surname + rng.pick(chars.single);
  if (gender === 'female' && rng.chance(0.04)) {
    const c = rng.pick(chars.second);
    return surname + c + c;
  }
  const first = rng.pick(chars.first);
  let second = rng.pick(chars.second);
  for (let tries = 0; second === first && tries < 10; tries++) second = rng.pick(chars.second);
  return surname + first + second;
}

/** Hands out names that are unique across one district, so demo searches find one person. */
export interface NameSource {
  /** A name not handed out before. */
  next(gender: Gender): string;
  /** Marks a name as taken (e.g. one chosen for a household station before its deputy exists). */
  reserve(name: string): void;
}

/**
 * Creates a source of unique names drawing from `rng`.
 *
 * @example
 * const names = createNameSource(rng);
 * names.next('male'); // '李建华'
 */
export function createNameSource(rng: Rng): NameSource {
  const taken = new Set<string>();
  return {
    next(gender) {
      for (let tries = 0; tries < 1000; tries++) {
        const name = randomName(rng, gender);
        if (!taken.has(name)) {
          taken.add(name);
          return name;
        }
      }
      throw new Error('name space exhausted');
    },
    reserve(name) {
      taken.add(name);
    },
  };
}
