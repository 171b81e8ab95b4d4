import { ValueTransformer } from 'typeorm';

/** int8 columns (amounts in fen) arrive from pg as strings; amounts stay far below 2^53 fen. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
