/**
 * Types of the opinions API (inferred from the Worker, no hand-written DTOs) and the
 * workflow's own labels in the current language. State, action, step, rating and deadline
 * names come from worker/workflow/labels.ts — the catalog the Worker and the residents'
 * pages use too — so a state is called the same everywhere.
 */
import type { InferResponseType } from 'hono/client';
import {
  ACTION_LABELS,
  DEADLINE_LABELS,
  type Label,
  label,
  RATING_LABELS,
  STATE_LABELS,
  STEP_LABELS,
} from '../../../../worker/workflow/labels';
import { ApiError, type client, errorOf } from '../../api';
import { getLocale, t } from '../../i18n';

export type OpinionPage = InferResponseType<typeof client.api.opinions.$get, 200>;
export type OpinionRow = OpinionPage['items'][number];
export type OpinionDetail = InferResponseType<(typeof client.api.opinions)[':id{[0-9]+}']['$get'], 200>;
export type TimelineEntry = OpinionDetail['timeline'][number];
export type Deadline = 'green' | 'yellow' | 'red';

/** Text of a workflow label for an id that may be unknown (data from older versions shows raw). */
function lookup(table: Readonly<Record<string, Label>>, id: string): string {
  const entry = table[id];
  return entry ? label(entry, getLocale()) : id;
}

export const stateName = (state: string) => lookup(STATE_LABELS, state);
export const stepName = (step: string) => lookup(STEP_LABELS, step);
export const ratingName = (rating: string) => lookup(RATING_LABELS, rating);
export const deadlineName = (colour: Deadline) => lookup(DEADLINE_LABELS, colour);

/** An action's name; `merged_in` is the mark a merge leaves on the opinion that carries on. */
export function actionName(action: string): string {
  return action === 'merged_in' ? t('opinions.action.mergedIn') : lookup(ACTION_LABELS, action);
}

/** Every state, in workflow order, for the state filter. */
export const STATES = Object.keys(STATE_LABELS);

/** Who did it: residents and the system are named in the UI's language. */
export function actorName(labelText: string): string {
  if (labelText === 'resident') return t('opinions.actor.resident');
  if (labelText === 'system') return t('opinions.actor.system');
  return labelText;
}

/**
 * A compact time for lists: "11月26日 07:04" this year, "2025年11月26日" before (China time).
 */
export function shortDateTime(epochMs: number): string {
  const zone = 'Asia/Shanghai';
  const year = (ms: number) => new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(new Date(ms));
  const thisYear = year(epochMs) === year(Date.now());
  const options: Intl.DateTimeFormatOptions = thisYear
    ? { timeZone: zone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' };
  return new Intl.DateTimeFormat(getLocale(), options).format(new Date(epochMs));
}

/** Splits "区城管局、街道办事处, 区住建局" into names. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Query-string of the current filters for the export links (same filters, no paging). */
export function exportHref(kind: 'csv' | 'xlsx', params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== 'page') qs.set(k, v);
  const s = qs.toString();
  return `/api/opinions/export.${kind}${s ? `?${s}` : ''}`;
}

/** Most photos one step may carry (the machine's limit). */
export const MAX_STEP_PHOTOS = 9;

/**
 * Uploads one photo for the opinion (POST /api/opinions/:id/photos, multipart) and returns its
 * id, to be sent as `photoIds` with the action. The Worker checks the type and strips location data.
 */
export async function uploadPhoto(opinionId: number, file: File): Promise<number> {
  const form = new FormData();
  form.append('photo', file);
  let res: Response;
  try {
    res = await fetch(`/api/opinions/${opinionId}/photos`, { method: 'POST', body: form });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (!res.ok) {
    const e = await errorOf(res);
    throw new ApiError(e.status, e.code, e.message, { photoIds: e.fields.photo ?? e.message });
  }
  return ((await res.json()) as { photo: { id: number } }).photo.id;
}
