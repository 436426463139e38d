// Bad input to the knowledge base: the server maps `code` to a 400 with the suggestions, the CLI to
// an exit code.

export type KnowledgeInputCode =
  | 'unknown_country'
  | 'unknown_offence'
  | 'unknown_cooperation_type'
  | 'unknown_instrument'
  | 'invalid_date';

export class KnowledgeInputError extends Error {
  readonly code: KnowledgeInputCode;
  readonly input: string;
  readonly suggestions: string[];

  constructor(code: KnowledgeInputCode, input: string, suggestions: string[], message?: string) {
    super(
      message ??
        `${code.replace(/_/g, ' ')}: "${input}"${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
    );
    this.name = 'KnowledgeInputError';
    this.code = code;
    this.input = input;
    this.suggestions = suggestions;
  }
}
