/** A mistake in what the user asked (an unknown id, say): its message alone is printed, and the exit code is 2. */
export class UserError extends Error {
  override name = 'UserError';
}
