/** @jsxImportSource hono/jsx */
/**
 * The course block: one card per course, a rating group per aspect, then an optional
 * comment. On a phone each card reads top to bottom with no horizontal scrolling.
 */
import { DEFAULT_COMMENT_MAX, type QuestionOf } from './definition';
import { type Course, courseAspects, courseFieldName, fieldDomId, scalePoints, usableCourses } from './fields';
import { own } from './input';
import { keptChecked, keptText } from './kept';
import { type Locale, localize, msg } from './messages';
import type { PageItem } from './pages';
import { ChoiceGroup, ErrorText, Field, fieldParts, Optional, optionalMark, type RenderEnv, TextArea } from './render-parts';

/** 'YYYY-MM-DD' as people read it: 12月1日 / Dec 1 (the year is the training's, shown above the form). */
function shortDay(day: string, locale: Locale): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const [month, date] = [Number(m[1]), Number(m[2])];
  if (locale === 'en')
    return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${date}`;
  return `${month}月${date}日`;
}

/** Whether anything was posted or stored for one course (then its 未参加 is never preset). */
function touched(env: RenderEnv, q: QuestionOf<'course_block'>, courseId: string): boolean {
  if (own(own(env.values, q.id), courseId) !== undefined) return true;
  const prefix = `${q.id}.${courseId}.`;
  return Object.keys(env.values).some((k) => k.startsWith(prefix));
}

/** A course on a day the person did not check in (only when check-in days are known). */
function missed(env: RenderEnv, course: Course): boolean {
  return env.attendedDays !== undefined && course.day !== undefined && !env.attendedDays.includes(course.day);
}

/**
 * Renders a course block, or its share of one page (one training day's courses). Each card
 * starts with "我没有参加这门课": preset for courses on days the person did not check in,
 * so nobody is asked to rate a lecture they never heard.
 */
export function renderCourses(q: QuestionOf<'course_block'>, env: RenderEnv, item: PageItem) {
  const { locale } = env;
  const label = localize(q.label, locale);
  const help = q.help ? localize(q.help, locale) : undefined;
  const blockId = `${fieldDomId(q.id)}-label${item.dayNumber ? `-${item.dayNumber}` : ''}`;
  const courses = item.courses ?? env.courses;
  const day = item.dayNumber ? (item.courses?.[0]?.day ?? '') : '';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset here would nest three deep (block, card, aspect) and screen readers would read every legend before each option.
    <div class="lf-field" role="group" aria-labelledby={blockId}>
      <p class="lf-label" id={blockId}>
        {label}
        <Optional text={optionalMark(q, locale)} />
      </p>
      {item.dayNumber && <p class="lf-day">{msg(locale, 'course_day', { n: item.dayNumber, date: shortDay(day, locale) })}</p>}
      {help && <p class="lf-hint">{help}</p>}
      {usableCourses(courses).map(({ id, course }) => {
        // A single hyphen: field ids use '--' between parts, so no aspect's id can take this one.
        const titleId = `${fieldDomId(`${q.id}.${id}`)}-title`;
        return (
          // biome-ignore lint/a11y/useSemanticElements: see the block above; the aspects inside are fieldsets.
          <div class="lf-card" role="group" aria-labelledby={titleId}>
            <h2 class="lf-card__title" id={titleId}>
              {course.title}
            </h2>
            {course.lecturer && <p class="lf-card__meta">{msg(locale, 'lecturer', { name: course.lecturer })}</p>}
            {q.absentOption !== false && <Absent q={q} course={course} courseId={id} env={env} />}
            {courseAspects(q).map((aspect) => {
              const name = courseFieldName(q.id, id, aspect.code);
              const error = env.errors.get(name);
              const kept = keptText(env.values, name, [q.id, id, aspect.code]);
              const items = scalePoints(aspect.labels).map((pt) => ({
                value: String(pt.value),
                label: localize(pt.label, locale),
              }));
              return (
                <Field error={error}>
                  <ChoiceGroup
                    parts={fieldParts(name, [], error)}
                    name={name}
                    legend={localize(aspect.label, locale)}
                    type="radio"
                    items={items}
                    checked={(v) => v === kept}
                    locale={locale}
                  />
                </Field>
              );
            })}
            {q.comment && <CourseComment q={q} courseId={id} env={env} />}
          </div>
        );
      })}
    </div>
  );
}

function Absent(props: { q: QuestionOf<'course_block'>; course: Course; courseId: string; env: RenderEnv }) {
  const { q, course, courseId, env } = props;
  const name = courseFieldName(q.id, courseId, 'absent');
  const error = env.errors.get(name);
  const preset = missed(env, course) && !touched(env, q, courseId);
  const p = fieldParts(name, preset || missed(env, course) ? [msg(env.locale, 'absent_preset')] : [], error);
  return (
    <div class={error ? 'lf-absent lf-field--error' : 'lf-absent'}>
      <ErrorText parts={p} locale={env.locale} />
      <label class="lf-choice lf-choice--absent" for={p.id}>
        <input
          class="lf-choice__input"
          type="checkbox"
          id={p.id}
          name={name}
          value="yes"
          checked={preset || keptChecked(env.values, name) || own(own(own(env.values, q.id), courseId), 'absent') === true}
          aria-describedby={p.describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
        <span class="lf-choice__label">{msg(env.locale, 'absent')}</span>
      </label>
      {p.hintLines.length > 0 && (
        <p class="lf-hint" id={p.hintId}>
          {p.hintLines[0]}
        </p>
      )}
    </div>
  );
}

function CourseComment(props: { q: QuestionOf<'course_block'>; courseId: string; env: RenderEnv }) {
  const { q, courseId, env } = props;
  const name = courseFieldName(q.id, courseId, 'comment');
  const error = env.errors.get(name);
  const max = q.commentMaxLength ?? DEFAULT_COMMENT_MAX;
  const p = fieldParts(name, [msg(env.locale, 'hint_max_length', { max })], error);
  return (
    <Field error={error}>
      <TextArea
        parts={p}
        name={name}
        label={msg(env.locale, 'course_comment')}
        rows={3}
        value={keptText(env.values, name, [q.id, courseId, 'comment'])}
        locale={env.locale}
      />
    </Field>
  );
}
