/**
 * Form-engine sizes (issue 13), measured on the real page components with no server: the
 * HTML a deputy's phone receives for the first page of the default training questionnaire
 * (a three-day training of 27 courses, as the demo seed has), the residents' opinion form
 * with a campaign's extra questions appended, and the optional logic script. Each page is
 * one request: CSS and scripts are inline. Gzip at the default level, as a CDN sends it.
 */
import { gzipSync } from 'node:zlib';
import { EvaluationPage } from '../../worker/evaluations/pages/evaluate';
import { defineForm, type FormDefinition } from '../../worker/forms/definition';
import { opinionFormDefinition } from '../../worker/forms/defaults/opinion';
import { trainingFormDefinition } from '../../worker/forms/defaults/training';
import type { Course } from '../../worker/forms/fields';
import { LOGIC_SCRIPT } from '../../worker/forms/logic-script';
import { FormPage } from '../../worker/intake/form-page';

const KB = 1024;

/** A campaign's extra questions as staff would add them (a choice with 其他 and a follow-up). */
const CAMPAIGN_QUESTIONS: FormDefinition['questions'] = defineForm({
  schemaVersion: 1,
  questions: [
    {
      id: 'cmp_topic',
      type: 'choice',
      label: { 'zh-CN': '您的意见和乡村振兴的哪方面有关？' },
      other: true,
      options: ['产业发展', '人居环境', '乡风文明', '基层治理', '农民增收'].map((t, i) => ({
        code: `t${i + 1}`,
        label: { 'zh-CN': t },
      })),
    },
    { id: 'cmp_village', type: 'text', label: { 'zh-CN': '您所在的村（社区）' }, maxLength: 50 },
    { id: 'cmp_urgent', type: 'scale5', label: { 'zh-CN': '这件事有多紧迫？' }, showIf: { field: 'cmp_topic', is: ['t2'] } },
  ],
}).questions;

function courses(): Course[] {
  const out: Course[] = [];
  for (let day = 1; day <= 3; day++)
    for (let i = 1; i <= 9; i++)
      out.push({
        id: day * 100 + i,
        title: `第${day}天第${i}讲：代表依法履职专题`,
        lecturer: `授课人${i}`,
        day: `2026-11-0${day}`,
      });
  return out;
}

async function gz(node: unknown): Promise<number> {
  const html = `${await (node as { toString(): string | Promise<string> }).toString()}`;
  return gzipSync(Buffer.from(html, 'utf8')).length;
}

/** One figure with its budget. */
export interface FormFigure {
  key: string;
  bytes: number;
  budget: number;
}

/** Measures the three figures; prints them and adds a line per figure to `notes`. */
export async function formsBench(notes: string[]): Promise<FormFigure[]> {
  const training = { title: '2026年新任人大代表初任培训', startsOn: '2026-11-01', endsOn: '2026-11-03', place: '区委党校' };
  const first = await gz(EvaluationPage({ training, definition: trainingFormDefinition, courses: courses(), locale: 'zh-CN' }));
  const station = { id: 1, code: 'ABC123', name: '城关街道人大代表联络站', townshipId: 1, townshipName: '城关街道' };
  const withCampaign = { ...opinionFormDefinition, questions: [...opinionFormDefinition.questions, ...CAMPAIGN_QUESTIONS] };
  const opinion = await gz(FormPage({ locale: 'zh-CN', station, definition: withCampaign, submissionKey: 'k'.repeat(26) }));
  const figures: FormFigure[] = [
    { key: 'questionnaire_first_page_bytes_gz', bytes: first, budget: 14 * KB },
    { key: 'opinion_form_with_campaign_bytes_gz', bytes: opinion, budget: 14 * KB },
    { key: 'form_logic_script_bytes_gz', bytes: gzipSync(LOGIC_SCRIPT).length, budget: 3 * KB },
  ];
  for (const f of figures) {
    const line = `${f.key}: ${f.bytes.toLocaleString('en-US')} B gzip (budget ≤ ${f.budget / KB} KB: ${f.bytes <= f.budget ? 'ok' : 'MISSED'})`;
    console.log(`  ${line}`);
    notes.push(`forms: ${line}`);
  }
  return figures;
}

// `tsx test/bench/forms.ts` on its own prints the figures without starting anything else.
if (import.meta.url === `file://${process.argv[1]}`) await formsBench([]);
