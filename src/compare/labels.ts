/** A subject in words: "topic:truck-driver" -> "truck driver", "word:fr:soldat" -> "soldat". */
export function subjectLabel(subject: string): string {
  const parts = subject.split(':');
  return (parts[parts.length - 1] ?? subject).replace(/-/g, ' ');
}
