/**
 * Types of the training API as the Worker declares them (through the RPC client, so they
 * cannot drift), and small formatting helpers the training pages share.
 */
import type { InferResponseType } from 'hono/client';
import { client } from '../../api';
import { formatNumber, type PlainKey, t } from '../../i18n';

type Ok<F> = InferResponseType<F, 200>;

/** The RPC handle of one training: `one.progress.$get(param(id))`. */
export const one = client.api.trainings[':id{[0-9]+}'];

export type TrainingListItem = Ok<typeof client.api.trainings.$get>['items'][number];
export type TrainingDetail = Ok<typeof one.$get>;
export type Training = TrainingDetail['training'];
export type Course = TrainingDetail['courses'][number];
export type Progress = Ok<typeof one.progress.$get>;
export type EnrolmentPage = Ok<typeof one.enrolments.$get>;
export type Enrolment = EnrolmentPage['items'][number];
export type Results = Ok<typeof one.results.$get>;
export type Report = NonNullable<Results['report']>;
export type QuestionResult = Report['questions'][number];
export type Questionnaire = Ok<typeof one.questionnaire.$get>;
export type EvaluationStatus = Training['evaluationStatus'];
export type CourseKind = Course['kind'];

/** The `param` argument of the `/:id` routes. */
export function param(id: number): { param: { id: string } } {
  return { param: { id: String(id) } };
}

export const COURSE_KINDS: readonly CourseKind[] = ['lecture', 'experience', 'discussion'];

const KIND_KEYS: Record<CourseKind, PlainKey> = {
  lecture: 'trainings.kind.lecture',
  experience: 'trainings.kind.experience',
  discussion: 'trainings.kind.discussion',
};
const STATUS_KEYS: Record<EvaluationStatus, PlainKey> = {
  draft: 'trainings.status.draft',
  open: 'trainings.status.open',
  closed: 'trainings.status.closed',
};

/** 专题讲座 / 经验交流 / 分组讨论. */
export function kindLabel(kind: CourseKind): string {
  return t(KIND_KEYS[kind]);
}

/** 未开始 / 进行中 / 已结束. */
export function statusLabel(status: EvaluationStatus): string {
  return t(STATUS_KEYS[status]);
}

/** 0.8512 → "85.1%"; null → "—". */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${formatNumber(Math.round(rate * 1000) / 10)}%`;
}

/** A mean on the 1–5 scale with two decimals, or "—". */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** "2026-03-17" → "3/17": short enough for a table header on a phone, the same in both languages. */
export function shortDay(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return m && d ? `${m}/${d}` : day;
}
