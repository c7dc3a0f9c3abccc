import { DocumentLink } from 'vscode-languageserver-types';
import { localSectionReference, sectionsNamed } from '../analysis/model';
import { EntryLine, Span } from '../parser/ast';
import { getOption, hasRole } from '../registry/registry';
import { ConfigFileLocation, expandMagic, locationOfPath, locationOfUri } from '../analysis/magicVariables';
import { pathUri } from '../analysis/fileSystem';
import { LanguageSettings } from './settings';
import { UwsgiDocument } from './uwsgiDocument';
import { DocumentInterpretation, interpretationOf } from './interpretation';

// Links on file paths, resolved the way uWSGI resolves them (SEMANTICS.md §8-§10): `%d` and
// friends expand from this file's location, `%(name)` from this file's placeholders; an absolute
// path is taken as is; a relative one is relative to the directory uWSGI runs in, which we cannot
// know, so we assume this file's directory and say so.
//
// Ctrl+click on a link to a missing file makes VS Code offer to create it, as its default button:
// only what can be opened is linked. Included configs are linked unless the file system says they
// are missing (without file access we cannot tell, and they are what one follows); any other path
// only when the file system says it is a regular file, so nothing in an untrusted workspace.

const CONFIG_VALUE_KIND = 'include';

export const ASSUMED_WORKING_DIRECTORY_TOOLTIP =
  'Relative to the directory uWSGI is started from; assumed to be this file\'s directory';

type PathRole = 'path' | 'config';

/** Whether a path names a regular file; undefined without file access. */
type FileCheck = (path: string) => boolean | undefined;

/** Files looked up for one document: a file of a million paths must not stall the server. */
const MAX_FILE_CHECKS = 1000;

/** One answer per path for one request, and no link past the limit of lookups. */
function fileCheck(document: UwsgiDocument): FileCheck {
  const fileSystem = document.fileSystem;
  if (!fileSystem) return () => undefined;
  const known = new Map<string, boolean>();
  return (path) => {
    let isFile = known.get(path);
    if (isFile === undefined) {
      if (known.size >= MAX_FILE_CHECKS) return false;
      isFile = fileSystem.stat(path)?.type === 'file';
      // Not answered yet (the browser asks its client): as without file access, for now.
      if (!isFile && fileSystem.known?.(path) === false) return undefined;
      known.set(path, isFile);
    }
    return isFile;
  };
}

export function findDocumentLinks(document: UwsgiDocument, settings: LanguageSettings): DocumentLink[] {
  const location = locationOf(document);
  if (!location) return [];
  const selected = document.model(settings.section);
  const links: DocumentLink[] = [];
  const isFile = fileCheck(document);
  let interpretation: DocumentInterpretation | undefined;
  for (const entry of document.ast.entries) {
    const role = roleOf(entry.key, settings);
    if (!role || entry.value === '') continue;
    // What uWSGI reads for a line it reads: the interpretation's value, the one the effective
    // configuration shows. Other lines (other sections) as their own section would give them;
    // the model of another section is built only for a value with placeholders.
    const section = entry.section;
    const model = (): Resolver => {
      if (/[%$@]/.test(entry.value)) {
        interpretation ??= interpretationOf(document, settings);
        const reading = interpretation.reading(entry);
        if (reading === 'read' || reading === 'conditional') return interpretedValue(interpretation, entry);
      }
      const other = selected.isApplied(entry) || !section ? selected : document.model(section.name);
      return (written) => other.resolveValue(written);
    };
    const link = role === 'config' ? configLink(document, model, location, entry, isFile) : pathLink(document, model, location, entry, isFile);
    if (link) links.push(link);
  }
  return links;
}

function roleOf(key: string, settings: LanguageSettings): PathRole | undefined {
  // Whole-value paths and `mountpoint=path` values: the registry's roles.
  if (hasRole(key, 'path') || hasRole(key, 'path-mapping')) return 'path';
  const facts = getOption(key, settings.version);
  if (!facts) return undefined;
  if (facts.valueKind === CONFIG_VALUE_KIND) return 'config';
  return undefined;
}

function pathLink(document: UwsgiDocument, model: () => Resolver, location: ConfigFileLocation, entry: EntryLine, isFile: FileCheck): DocumentLink | undefined {
  let span: Span = entry.valueSpan;
  if (hasRole(entry.key, 'path-mapping')) {
    const equals = document.text.indexOf('=', span.start);
    if (equals < 0 || equals >= span.end) return undefined;
    span = { start: equals + 1, end: span.end };
  }
  const path = expand(document, model, location, span);
  // A `:` means an address (`logto = host:port`) or a scheme, not a file.
  if (path === undefined || path.includes(':')) return undefined;
  return fileLink(document, location, span, path, isFile, 'path');
}

/** `ini`/`include`/`inherit`...: a file with an optional `:section`, `:section` alone, or a URL. */
function configLink(document: UwsgiDocument, model: () => Resolver, location: ConfigFileLocation, entry: EntryLine, isFile: FileCheck): DocumentLink | undefined {
  const local = localSectionReference(entry);
  if (local) return sectionLink(document, local.nameSpan, local.name);
  const value = expand(document, model, location, entry.valueSpan);
  if (value === undefined) return undefined;
  if (/^https?:\/\//.test(value)) {
    return /[\s"'<>]/.test(value) ? undefined : { range: document.rangeOf(entry.valueSpan), target: value };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return undefined;
  // uWSGI splits off the section at the last `:` of the path.
  const colon = value.lastIndexOf(':');
  const path = colon < 0 ? value : value.slice(0, colon);
  const section = colon < 0 ? '' : value.slice(colon + 1);
  const written = document.text.lastIndexOf(':', entry.valueSpan.end - 1);
  const span = colon < 0 || written < entry.valueSpan.start ? entry.valueSpan : { start: entry.valueSpan.start, end: written };
  if (path === '' || path.includes(':')) return undefined;
  if (section !== '' && resolvePath(location, path) === location.path) return sectionLink(document, span, section);
  return fileLink(document, location, span, path, isFile, 'config');
}

function sectionLink(document: UwsgiDocument, span: Span, name: string): DocumentLink | undefined {
  // One link per `ini = :name` line: a scan of all sections for each would be quadratic.
  const section = sectionsNamed(document.ast, name)[0];
  if (!section) return undefined;
  const line = document.textDocument.positionAt(section.header.start).line;
  return {
    range: document.rangeOf(span),
    target: `${document.textDocument.uri}#L${line + 1}`,
    tooltip: `Section [${name}] of this file`,
  };
}

function fileLink(document: UwsgiDocument, location: ConfigFileLocation, span: Span, path: string, isFile: FileCheck, role: PathRole): DocumentLink | undefined {
  if (path === '' || path.startsWith('~') || /[*?[]/.test(path)) return undefined;
  const resolved = resolvePath(location, path);
  if (!(isFile(resolved) ?? role === 'config')) return undefined;
  const link: DocumentLink = { range: document.rangeOf(span), target: pathUri(resolved, document.fileSystem) };
  if (!path.startsWith('/')) link.tooltip = ASSUMED_WORKING_DIRECTORY_TOOLTIP;
  return link;
}

/** The written text with placeholders and magic variables expanded; undefined when it depends on the machine. */
function expand(document: UwsgiDocument, model: () => Resolver, location: ConfigFileLocation, span: Span): string | undefined {
  const written = document.text.slice(span.start, span.end);
  if (!/[%$@]/.test(written)) return written.trim();
  const resolver = model();
  if (resolver.interpreted) return resolver(written, span);
  if (written.includes('$(') || written.includes('@(')) return undefined;
  const withPlaceholders = written.includes('%(') ? resolver(written, span) : written;
  if (withPlaceholders === undefined) return undefined;
  const expanded = expandMagic(withPlaceholders, location);
  return expanded === undefined ? undefined : expanded.trim();
}

/** The value of a written span; `interpreted` when it is already what uWSGI reads (magic variables included). */
type Resolver = ((written: string, span: Span) => string | undefined) & { interpreted?: boolean };

function interpretedValue(interpretation: DocumentInterpretation, entry: EntryLine): Resolver {
  const resolver: Resolver = (_written, span) => {
    const value = interpretation.valueOf(entry);
    // `%(name)` left as written: a placeholder nothing defines (or an immediate option), no path to follow.
    if (value === undefined || value.includes('%(')) return undefined;
    // A mapping (`name=path`): the part after the first `=`, as the span is.
    const part = span.start > entry.valueSpan.start ? value.slice(value.indexOf('=') + 1) : value;
    return part.trim();
  };
  resolver.interpreted = true;
  return resolver;
}

function resolvePath(location: ConfigFileLocation, path: string): string {
  const absolute = path.startsWith('/') ? path : location.directory + path;
  const parts: string[] = [];
  for (const part of absolute.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  // A Windows-style location (`c:/...`) keeps its drive as the first part.
  return (/^[A-Za-z]:$/.test(parts[0] ?? '') ? '' : '/') + parts.join('/');
}

/** Where the document is, for `file:` URIs and for those its file system names (the browser's). */
function locationOf(document: UwsgiDocument): ConfigFileLocation | undefined {
  const uri = document.textDocument.uri;
  const path = uri.startsWith('file:') ? undefined : document.fileSystem?.pathOf?.(uri);
  return path === undefined ? locationOfUri(uri) : locationOfPath(path);
}
