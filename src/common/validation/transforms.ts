/** class-transformer `@Transform` bodies shared by the DTOs. */

/** A string with its surrounding whitespace removed; anything else as given (the validators then refuse it). */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
