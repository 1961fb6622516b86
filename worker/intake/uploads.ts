/**
 * The photos of a submitted form: picked out of the multipart body, counted, size-checked,
 * typed by their magic bytes and cleaned of metadata. Every problem becomes a field error
 * of the photos question in the person's language; nothing here throws on bad input.
 */
import { type FieldError, type FormDefinition, fileFields } from '../forms';
import { type Locale, tx } from './messages';
import { MAX_PIXELS, stripMetadata } from './photos';
import type { ReadyPhoto } from './submit';

/** Largest photo accepted (bytes). Phone photos are 2–5 MB; anything bigger is not a photo. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Photos per opinion the body limit is sized for (the default form's maxCount). */
export const PHOTO_MAX_COUNT = 3;
/** Largest request body: the photos plus room for the text. Bigger bodies get a 413 page. */
export const BODY_MAX_BYTES = PHOTO_MAX_COUNT * PHOTO_MAX_BYTES + 1024 * 1024;

/** What the person sent for the file questions. */
export interface Uploads {
  photos: ReadyPhoto[];
  errors: FieldError[];
  /** Whether any file was sent (the page then says files must be chosen again). */
  anySent: boolean;
}

/** Non-empty files among a body value (browsers send an empty part when no file is chosen). */
function filesOf(value: unknown): File[] {
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is File => v instanceof File && v.size > 0);
}

/** Reads, checks and cleans the files of every photos question of the definition. */
export async function readUploads(definition: FormDefinition, body: Record<string, unknown>, locale: Locale): Promise<Uploads> {
  const photos: ReadyPhoto[] = [];
  const errors: FieldError[] = [];
  let anySent = false;
  for (const { id, maxCount } of fileFields(definition)) {
    const files = Object.hasOwn(body, id) ? filesOf(body[id]) : [];
    if (files.length > 0) anySent = true;
    const max = Math.min(maxCount, PHOTO_MAX_COUNT);
    if (files.length > max) {
      const count = files.length;
      errors.push({ field: id, code: 'too_many', message: tx(locale, 'photo_count', { max, count, over: count - max }) });
      continue;
    }
    for (const [i, file] of files.entries()) {
      const n = i + 1;
      if (file.size > PHOTO_MAX_BYTES) {
        errors.push({
          field: id,
          code: 'invalid_value',
          message: tx(locale, 'photo_size', { n, max: PHOTO_MAX_BYTES / 1024 / 1024 }),
        });
        break;
      }
      const cleaned = stripMetadata(new Uint8Array(await file.arrayBuffer()));
      if (!cleaned.ok) {
        const message =
          cleaned.reason === 'too_many_pixels'
            ? tx(locale, 'photo_too_many_pixels', {
                n,
                width: cleaned.width,
                height: cleaned.height,
                max: MAX_PIXELS / 10_000,
                mp: MAX_PIXELS / 1_000_000,
              })
            : tx(locale, cleaned.reason === 'unknown_type' ? 'photo_type' : 'photo_corrupt', { n });
        errors.push({ field: id, code: 'invalid_value', message });
        break;
      }
      photos.push({ type: cleaned.type, bytes: cleaned.bytes });
    }
  }
  return { photos: errors.length > 0 ? [] : photos, errors, anySent };
}

/** Engine errors and upload errors together, in the order the questions appear. */
export function inQuestionOrder(definition: FormDefinition, errors: readonly FieldError[]): FieldError[] {
  const position = new Map(definition.questions.map((q, i) => [q.id, i]));
  const at = (e: FieldError) => position.get(e.field) ?? position.get(e.field.split('.')[0] ?? '') ?? Number.MAX_SAFE_INTEGER;
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => at(a.e) - at(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
