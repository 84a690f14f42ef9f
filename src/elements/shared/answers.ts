import { msg } from '@lit/localize';
import type { Answers, QuestionKey } from '../../schema/index.js';

/**
 * A group's answer to one of the 8 questions, ready to read: `answer` is the
 * short answer in the reader's language ("Yes", "No", "Free", "There is a
 * fee"), or the group's own words for open questions; `details` is what the
 * group added, in its own words. Both are plain text, rendered as text.
 */
export interface AnswerText {
  answer: string;
  details?: string | undefined;
}

// Details that only repeat the short answer ("Free." under "Free") are left out.
const same = (a: string, b: string) => a.replace(/[\s.!]+$/, '').toLowerCase() === b.toLowerCase();
const withDetails = (answer: string, details: string | undefined): AnswerText => ({
  answer,
  details: details && !same(details, answer) ? details : undefined,
});

/** What a group answered to a question, in words (yes/no and free/fee translated). */
export function answerText(answers: Answers, key: QuestionKey): AnswerText {
  switch (key) {
    case 'familyWelcome':
    case 'clinicalEducation':
    case 'professionalsInvolved': {
      const { answer, details } = answers[key];
      return withDetails(answer ? msg('Yes') : msg('No'), details);
    }
    case 'cost':
      return costText(answers.cost);
    default:
      return { answer: answers[key] };
  }
}

/** What a group charges, in words: the cost answer alone, as a group's summary carries it. */
export function costText(cost: Answers['cost']): AnswerText {
  return withDetails(cost.free ? msg('Free') : msg('There is a fee'), cost.details);
}
