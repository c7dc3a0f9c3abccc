import { DocumentModel } from '../analysis/model';
import { EntryLine } from '../parser/ast';
import { UwsgiDocument } from './uwsgiDocument';

/**
 * The model an entry is read in: the selected section's model when uWSGI applies the entry there
 * (its own section or one pulled in with `ini = :name`), otherwise the model of the entry's own
 * section, as if that section were the one started. Entries before the first header are never
 * read by uWSGI: undefined.
 */
export function modelOfEntry(document: UwsgiDocument, entry: EntryLine, selectedSection: string): DocumentModel | undefined {
  const selected = document.model(selectedSection);
  if (selected.isApplied(entry)) return selected;
  if (!entry.section) return undefined;
  return document.model(entry.section.name);
}
