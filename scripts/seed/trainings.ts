/**
 * Demo trainings: the three-day initial training of the newly elected deputies (March 2026)
 * with its programme, all 835 deputies enrolled, three days of check-ins (about 90 %), and
 * anonymous evaluations from about 85 % of them, unevenly spread over the townships so the
 * organiser view has people to chase; plus a second training still being prepared.
 *
 * Lecturers' names are drawn at random like the deputies' (no real people). Tokens and response
 * ids come from the platform's CSPRNG, not the seeded stream: the demo must not teach anyone
 * that a personal link can be predicted from the seed, and answers must not be ordered.
 */
import { attendance, courses, enrolments } from '../../worker/db/schema';
import { newResponseId, newToken } from '../../worker/evaluations/tokens';
import type { Answers } from '../../worker/forms';
import { TRAINING_FORM_SLUG, trainingFormDefinition } from '../../worker/forms/defaults/training';
import type { SeedGenerator } from './generators';
import { createNameSource, type Gender } from './names';
import { createRng, deriveSeed, type Rng } from './random';
import { insertInto, insertSql, sqlString, sqlValue } from './sql';
import type { DemoDistrict } from './types';

/** Public check-in codes: the same alphabet as station codes (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** One demo training and its programme. */
export interface SeedTraining {
  id: number;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string;
  organiser: string;
  evaluationStatus: 'draft' | 'open' | 'closed';
  checkinCode: string;
  courses: SeedCourse[];
}

/** A course; `quality` steers its ratings (about the mean of 1–5). */
export interface SeedCourse {
  id: number;
  title: string;
  lecturer: string;
  day: string;
  startsAt: string;
  kind: 'lecture' | 'experience' | 'discussion';
  sortOrder: number;
  quality: number;
}

export interface SeedEnrolment {
  id: number;
  trainingId: number;
  deputyId: number;
  townshipId: number;
  token: string;
  openedOn: string | null;
  submittedOn: string | null;
  createdAt: number;
}

export interface SeedAttendance {
  enrolmentId: number;
  day: string;
  checkedInAt: number;
}

export interface SeedResponse {
  id: string;
  trainingId: number;
  townshipId: number;
  answers: Answers;
}

/** Everything the generator writes. */
export interface TrainingData {
  trainings: SeedTraining[];
  enrolments: SeedEnrolment[];
  attendance: SeedAttendance[];
  responses: SeedResponse[];
}

type Programme = ReadonlyArray<
  [day: number, startsAt: string, kind: SeedCourse['kind'], title: string, role: string | null, quality: number]
>;

/** The initial training: the People's Congress system, the Constitution, the Deputies Law, experience, discussion. */
const INITIAL: Programme = [
  [0, '08:30', 'lecture', '坚持好、完善好、运行好人民代表大会制度', '市委党校教授', 4.5],
  [0, '14:30', 'lecture', '宪法精神与宪法实施：人大代表的宪法责任', '省社会科学院法学研究所研究员', 4.2],
  [1, '08:30', 'lecture', '《代表法》解读：代表的权利、义务和履职保障', '市人大常委会法制工作委员会副主任', 4.4],
  [1, '10:30', 'lecture', '如何提出高质量的议案和建议', '区人大常委会代表工作委员会主任', 4.3],
  [1, '14:30', 'experience', '全国人大代表履职经验分享：把群众的呼声带到北京', '全国人大代表', 4.7],
  [1, '16:00', 'experience', '市人大代表履职经验分享：从田间地头到议案建议', '市人大代表', 4.5],
  [2, '08:30', 'experience', '区人大代表经验交流：进站接待与“一听、二看、三议、四办”', '区人大代表', 4.6],
  [2, '10:30', 'discussion', '分组讨论：新时代如何当好人大代表', null, 4.1],
  [2, '14:30', 'lecture', '代表联络站建设与密切联系群众', '区人大常委会副主任', 4.0],
];

/** The next training of the five-year plan, still in preparation (no enrolment yet). */
const SECOND: Programme = [
  [0, '09:00', 'lecture', '预算审查监督的重点和方法', '市人大常委会预算工作委员会副主任', 4.3],
  [0, '14:30', 'lecture', '乡村振兴促进法与代表履职', '省农业农村厅政策法规处处长', 4.3],
  [1, '09:00', 'discussion', '专题研讨：围绕乡村振兴开展集中视察', null, 4.2],
];

const IMPROVE = [
  '希望多安排一些案例教学，结合本区实际讲一讲代表建议是怎么办理的。',
  '课程安排比较紧，建议每天下午留出时间让代表提问交流。',
  '讲义最好提前发给大家，方便做笔记。',
  '分组讨论时间偏短，很多代表还没来得及发言。',
  '希望增加到代表联络站现场观摩的环节。',
  '建议把课件和录像放到网上，便于没来的代表补学。',
  '会场后排听不太清楚，建议调试一下音响。',
  '希望以后多请基层一线的优秀代表来分享经验。',
  '建议对新任代表进行分级分类培训，乡镇代表和区代表的需求不一样。',
  '午休时间太短，下午第一节课容易犯困。',
  '培训通知发得有点晚，有些代表工作上不好安排。',
  '希望有机会到外地学习人大代表工作的先进经验。',
  '建议编一本代表履职口袋书，把常用的法律条文和办事流程都写进去。',
  '可以多讲讲怎样收集和反映群众意见，讲得越具体越好。',
  '总体很好，希望每年都能组织一次。',
  '就餐安排可以再改进，排队时间有点长。',
  '建议增加互动，比如现场模拟提出建议、模拟接待群众。',
  '农村代表的交通不方便，希望能安排接送或者在乡镇设分会场。',
];

const COURSE_COMMENTS = [
  '讲得很实在，很受启发。',
  '内容很丰富，时间有点紧。',
  '案例很生动，希望多讲一些。',
  '理论性比较强，希望多结合基层实际。',
  '对我们新代表帮助很大。',
  '讲义如果能提前发就更好了。',
  '很有感染力，学到了怎样深入群众。',
  '希望能把课件发给大家。',
  '语速有点快，有些内容没记下来。',
  '听了以后知道建议该怎么写了。',
];

const TOPICS_OTHER = [
  '基层社会治理中的矛盾纠纷化解',
  '生态环境保护方面的法律知识',
  '怎样开展代表小组活动',
  '民营企业发展和营商环境',
  '养老服务和医疗保障政策',
  '学校教育和“双减”政策',
];

/** Training code alphabet draw. */
function code(rng: Rng): string {
  return rng.string(CODE_ALPHABET, 8);
}

function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Epoch ms of a China-time clock reading on a day. */
function chinaTime(day: string, hour: number, minute: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3_600_000 + minute * 60_000;
}

/** A standard normal draw (Box–Muller) from the seeded stream. */
function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

function rating(rng: Rng, mean: number, personal: number, spread = 0.6): number {
  return Math.min(5, Math.max(1, Math.round(mean + personal + normal(rng) * spread)));
}

function programme(
  rng: Rng,
  names: ReturnType<typeof createNameSource>,
  rows: Programme,
  startsOn: string,
  firstId: number,
): SeedCourse[] {
  return rows.map(([day, startsAt, kind, title, role, quality], i) => {
    const gender: Gender = rng.chance(0.3) ? 'female' : 'male';
    return {
      id: firstId + i,
      title,
      lecturer: role ? `${names.next(gender)}（${role}）` : '',
      day: addDays(startsOn, day),
      startsAt,
      kind,
      sortOrder: i + 1,
      quality,
    };
  });
}

/** One deputy's answers to the default questionnaire, in the engine's normalised shape. */
function answersFor(rng: Rng, list: readonly SeedCourse[]): Answers {
  // Some people rate everything generously, some strictly.
  const personal = normal(rng) * 0.45;
  const out: Answers = { content: rating(rng, 4.35, personal) };
  const rated: Record<string, Record<string, number | string>> = {};
  for (const c of list) {
    const r: Record<string, number | string> = {
      relevance: rating(rng, c.quality + 0.1, personal),
      clarity: rating(rng, c.quality, personal),
      practical: rating(rng, c.quality - 0.15, personal),
    };
    if (rng.chance(0.07)) r.comment = rng.pick(COURSE_COMMENTS);
    rated[String(c.id)] = r;
  }
  out.courses = rated;
  out.organisation = rating(rng, 4.25, personal);
  const overall = rating(rng, 4.4, personal, 0.5);
  out.overall = overall;
  out.recommend = Math.min(10, Math.max(0, Math.round(overall * 2 - 0.6 + normal(rng) * 1.1)));
  if (rng.chance(0.7)) out.most_useful_course = String(rng.weighted(list, (c) => c.quality ** 6).id);
  if (rng.chance(0.35)) out.improve = rng.pick(IMPROVE);
  if (rng.chance(0.8)) {
    const topics = trainingTopicCodes();
    const picked = new Set(rng.sample(topics, rng.int(1, 3)));
    out.topics_next = topics.filter((t) => picked.has(t));
  }
  if (rng.chance(0.05)) out.topics_other = rng.pick(TOPICS_OTHER);
  return out;
}

function trainingTopicCodes(): string[] {
  const q = trainingFormDefinition.questions.find((x) => x.id === 'topics_next');
  return q && q.type === 'multi' && q.options ? q.options.map((o) => o.code) : [];
}

/**
 * Builds the demo trainings. Deterministic for a seed except tokens and response ids, which
 * are random on purpose (see the module comment).
 */
export function buildTrainingData(d: DemoDistrict): TrainingData {
  const rng = createRng(deriveSeed(d.seed, 'trainings'));
  const names = createNameSource(createRng(deriveSeed(d.seed, 'training-lecturers')));
  for (const deputy of d.deputies) names.reserve(deputy.name);

  const initial: SeedTraining = {
    id: 1,
    title: '2026年新当选区、乡镇人大代表初任培训班',
    startsOn: '2026-03-17',
    endsOn: '2026-03-19',
    place: '区委党校报告厅',
    organiser: '区人大常委会选举任免联络工作委员会、区人大代表服务中心',
    evaluationStatus: 'open',
    checkinCode: code(rng),
    courses: [],
  };
  initial.courses = programme(rng, names, INITIAL, initial.startsOn, 1);
  const second: SeedTraining = {
    id: 2,
    title: '2026年人大代表履职能力提升专题培训（第二期）',
    startsOn: '2026-12-08',
    endsOn: '2026-12-09',
    place: '区人大常委会机关三楼会议室',
    organiser: '区人大代表服务中心',
    evaluationStatus: 'draft',
    checkinCode: code(rng),
    courses: [],
  };
  second.courses = programme(rng, names, SECOND, second.startsOn, initial.courses.length + 1);

  const days = [0, 1, 2].map((n) => addDays(initial.startsOn, n));
  // How well each township turns out and answers: most do well, a few lag behind.
  const engagement = new Map(d.townships.map((t) => [t.id, 0.82 + rng.next() * 0.18 - (rng.chance(0.2) ? 0.15 : 0)]));
  const enrolled: SeedEnrolment[] = [];
  const attended: SeedAttendance[] = [];
  const responses: SeedResponse[] = [];
  const enrolledAt = chinaTime('2026-03-09', 10, 0);
  for (const deputy of d.deputies) {
    const e = engagement.get(deputy.townshipId) ?? 0.9;
    const id = enrolled.length + 1;
    const present = days.filter(() => rng.chance(Math.min(0.985, 0.93 * e + 0.08)));
    for (const day of present) {
      attended.push({ enrolmentId: id, day, checkedInAt: chinaTime(day, 7, 50 + rng.int(0, 55)) });
    }
    const submitChance = Math.min(0.97, (present.length === 3 ? 0.93 : present.length > 0 ? 0.72 : 0.35) * (0.62 + 0.42 * e));
    const submits = rng.chance(submitChance);
    let submittedOn: string | null = null;
    let openedOn: string | null = null;
    if (submits) {
      // Days after the last training day: most answer at once, a tail needs reminding.
      const [lag] = rng.weighted(
        [
          [0, 50],
          [1, 22],
          [2, 10],
          [3, 8],
          [5, 6],
          [7, 4],
        ] as const,
        ([, w]) => w,
      );
      submittedOn = addDays(initial.endsOn, lag);
      openedOn = rng.chance(0.85) ? submittedOn : addDays(submittedOn, -rng.int(1, Math.max(1, lag)));
      responses.push({
        id: newResponseId(),
        trainingId: initial.id,
        townshipId: deputy.townshipId,
        answers: answersFor(rng, initial.courses),
      });
    } else if (rng.chance(0.45)) {
      openedOn = addDays(initial.endsOn, rng.int(0, 4));
    }
    enrolled.push({
      id,
      trainingId: initial.id,
      deputyId: deputy.id,
      townshipId: deputy.townshipId,
      token: newToken(),
      openedOn,
      submittedOn,
      createdAt: enrolledAt,
    });
  }
  // Stored in random-id order, like the live system: nothing about order survives.
  responses.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { trainings: [initial, second], enrolments: enrolled, attendance: attended, responses };
}

/** The version-1 id of the default questionnaire, looked up by slug (ids differ between databases). */
const DEFAULT_VERSION_ID = `(SELECT v.id FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE f.slug = ${sqlString(TRAINING_FORM_SLUG)} AND v.version = 1)`;
const DEFAULT_FORM_ID = `(SELECT id FROM forms WHERE slug = ${sqlString(TRAINING_FORM_SLUG)})`;

/** SQL for the demo trainings. */
export const trainingsGenerator: SeedGenerator = {
  name: 'trainings',
  build(d) {
    const data = buildTrainingData(d);
    const now = d.createdAt;
    const out: string[] = [
      // The reset keeps forms (reference data), but training-owned copies belong to trainings
      // that no longer exist; and the default must exist even in a database older than 0001.
      `DELETE FROM form_versions WHERE form_id IN (SELECT id FROM forms WHERE slug LIKE 'training-%' AND slug <> ${sqlString(TRAINING_FORM_SLUG)});`,
      `DELETE FROM forms WHERE slug LIKE 'training-%' AND slug <> ${sqlString(TRAINING_FORM_SLUG)};`,
      `INSERT INTO forms (slug, kind, title, current_version, created_at, updated_at) VALUES (${sqlString(TRAINING_FORM_SLUG)}, 'questionnaire', '代表培训评估问卷', 1, ${now}, ${now}) ON CONFLICT (slug) DO NOTHING;`,
      `INSERT INTO form_versions (form_id, version, definition, created_at) SELECT id, 1, ${sqlString(JSON.stringify(trainingFormDefinition))}, ${now} FROM forms WHERE slug = ${sqlString(TRAINING_FORM_SLUG)} ON CONFLICT (form_id, version) DO NOTHING;`,
    ];
    for (const t of data.trainings) {
      const created = chinaTime('2026-02-20', 9, 0) + t.id * 60_000;
      out.push(
        `INSERT INTO trainings (id, title, starts_on, ends_on, place, organiser, form_id, evaluation_status, checkin_code, created_at, updated_at) VALUES (${[
          t.id,
          t.title,
          t.startsOn,
          t.endsOn,
          t.place,
          t.organiser,
        ]
          .map(sqlValue)
          .join(', ')}, ${DEFAULT_FORM_ID}, ${[t.evaluationStatus, t.checkinCode, created, created].map(sqlValue).join(', ')});`,
      );
    }
    out.push(
      ...insertInto(
        courses,
        data.trainings.flatMap((t) => t.courses.map(({ quality: _q, ...c }) => ({ ...c, trainingId: t.id }))),
      ),
      ...insertInto(enrolments, data.enrolments),
      ...insertInto(attendance, data.attendance, { maxRows: 500 }),
    );
    // Answers: the version id is a subquery, so rows go through INSERT … SELECT FROM (VALUES …).
    const rows = data.responses.map((r) => ({
      id: r.id,
      training: r.trainingId,
      township: r.townshipId,
      answers: JSON.stringify(r.answers),
    }));
    for (const statement of insertSql('_responses', rows, { maxRows: 60 })) {
      const values = statement.slice(statement.indexOf('VALUES'));
      out.push(
        `INSERT INTO evaluation_responses (id, training_id, form_version_id, township_id, answers) SELECT column1, column2, ${DEFAULT_VERSION_ID}, column3, column4 FROM (${values.replace(/;$/, '')});`,
      );
    }
    return out;
  },
};
