/**
 * Conditional display ("show this question when the answer to X is / includes / is at least
 * …"). Decided here, on the server, from normalised answers, so a form with JavaScript off
 * behaves exactly like one with the logic script: hidden questions are never required and
 * whatever was posted for them is dropped. Pure module.
 */
import type { FormDefinition, Question, ShowIf } from './definition';
import { isActive, type Course } from './fields';
import { own } from './input';
import type { AnswerValue, Answers } from './validate';

/** Whether a display condition holds for the (normalised) answer of its target question. */
export function conditionHolds(cond: ShowIf, answer: AnswerValue | undefined): boolean {
  if ('is' in cond) return typeof answer === 'string' && cond.is.includes(answer);
  if ('includes' in cond) return Array.isArray(answer) && answer.some((c) => cond.includes.includes(c));
  if (typeof answer !== 'number') return false;
  return 'atLeast' in cond ? answer >= cond.atLeast : answer <= cond.atMost;
}

/**
 * The ids of the questions that are not shown: inactive ones (no courses to ask about) and
 * those whose condition fails. A question whose target is itself hidden is hidden too, even
 * if a stale answer to the target was posted: conditions only ever point backwards, so one
 * pass in reading order settles every question.
 */
export function hiddenQuestions(
  definition: FormDefinition,
  values: Readonly<Answers>,
  courses?: readonly Course[] | undefined,
): Set<string> {
  const hidden = new Set<string>();
  for (const q of definition.questions) {
    if (!isActive(q, courses)) hidden.add(q.id);
    else if (q.showIf && (hidden.has(q.showIf.field) || !conditionHolds(q.showIf, own(values, q.showIf.field) as AnswerValue))) {
      hidden.add(q.id);
    }
  }
  return hidden;
}

/** The question a condition points at, if it exists. */
export function conditionTarget(definition: FormDefinition, q: Question): Question | undefined {
  const field = q.showIf?.field;
  return field === undefined ? undefined : definition.questions.find((t) => t.id === field);
}

/**
 * Whether a page of this definition needs the logic script at all: conditions, 其他 boxes or
 * course cards (未参加). Pages without any keep to the bytes they had.
 */
export function usesLogic(definition: FormDefinition): boolean {
  return definition.questions.some(
    (q) =>
      q.showIf !== undefined ||
      q.type === 'course_block' ||
      ((q.type === 'choice' || q.type === 'dropdown' || q.type === 'multi') && q.other === true),
  );
}
