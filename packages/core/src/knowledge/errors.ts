// Bad input to the knowledge base. It is a ValidationError, so the server answers 400 with the
// input and its close matches in the problem body, and the CLI exits with a usage error.
import { ValidationError } from '../shared/errors.ts';

export type KnowledgeInputCode =
  | 'unknown_country'
  | 'unknown_offence'
  | 'unknown_cooperation_type'
  | 'unknown_instrument'
  | 'invalid_date';

export class KnowledgeInputError extends ValidationError {
  declare readonly code: KnowledgeInputCode;
  readonly input: string;
  readonly suggestions: string[];

  constructor(code: KnowledgeInputCode, input: string, suggestions: string[], message?: string) {
    super(
      code,
      message ??
        `${code.replace(/_/g, ' ')}: "${input}"${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
      { input, suggestions },
    );
    this.input = input;
    this.suggestions = suggestions;
  }
}
