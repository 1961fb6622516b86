/** @jsxImportSource hono/jsx */
/**
 * The course block: one card per course, a rating group per aspect, then an optional
 * comment. On a phone each card reads top to bottom with no horizontal scrolling.
 */
import { DEFAULT_COMMENT_MAX, type QuestionOf } from './definition';
import { courseAspects, courseFieldName, fieldDomId, scalePoints, usableCourses } from './fields';
import { keptText } from './kept';
import { localize, msg } from './messages';
import { ChoiceGroup, Field, fieldParts, Optional, optionalMark, type RenderEnv, TextArea } from './render-parts';

/** Renders a course block; `label` and `help` arrive already localised. */
export function renderCourses(q: QuestionOf<'course_block'>, env: RenderEnv, label: string, help: string | undefined) {
  const { locale } = env;
  const blockId = `${fieldDomId(q.id)}-label`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset here would nest three deep (block, card, aspect) and screen readers would read every legend before each option.
    <div class="lf-field" role="group" aria-labelledby={blockId}>
      <p class="lf-label" id={blockId}>
        {label}
        <Optional text={optionalMark(q, locale)} />
      </p>
      {help && <p class="lf-hint">{help}</p>}
      {usableCourses(env.courses).map(({ id, course }) => {
        // A single hyphen: field ids use '--' between parts, so no aspect's id can take this one.
        const titleId = `${fieldDomId(`${q.id}.${id}`)}-title`;
        return (
          // biome-ignore lint/a11y/useSemanticElements: see the block above; the aspects inside are fieldsets.
          <div class="lf-card" role="group" aria-labelledby={titleId}>
            <h2 class="lf-card__title" id={titleId}>
              {course.title}
            </h2>
            {course.lecturer && <p class="lf-card__meta">{msg(locale, 'lecturer', { name: course.lecturer })}</p>}
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
