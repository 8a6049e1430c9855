// A policy file that cannot be loaded: names the file and the field, and says how to fix it.
import { UserError } from '../errors.ts';

export class PolicyFileError extends UserError {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`policy file ${file}: field ${field || '(top level)'}: ${problem}`);
  }
}
