/**
 * The option registry: facts about every uWSGI option, hook phase and hook action, the uwsgiconf
 * MainProcess model, privilege-drop facts and documentation. Pure (bundled into the language
 * service): built from generated tables, no Node APIs.
 */
export type {
  ActionArgument, ActionFacts, ArgumentKind, CallVariant, HookFailure, HookFamily, HookFamilyFacts, MainProcessEmission,
  MainProcessFinding, MainProcessMethod, MainProcessParam, MainProcessUsage, OptionFacts, OptionRole, OptionVersionOverride,
  PhaseFacts, PhaseFamilyFacts, RepeatKind, RepeatWords, RootState, UwsgiVersion, ValueKindWords,
} from './types';
export { HOOK_FAMILIES, UWSGI_VERSIONS } from './types';
export type { HookKey, KnownOptionContext, KnownOptionResult } from './lookup';
export {
  afterDropVariant, allActions, allOptions, allPhases, beforeDropToAfterDrop, getAction, getOption, getPhase, hasRole, hookFamily,
  isKnownOption, optionsWithRole, repeatWords, valueKindWords, isKnownPluginName, knownPluginNames, mainProcessMethods, mainProcessUsage, nearest, normalizePluginList, normalizePluginName, parseHookKey, pluginNames,
  privilegeOptions, socketPermissionOptions, socketsBoundBeforeDrop, uwsgiconfFinding, uwsgiconfFindings,
  uwsgiconfPhaseConstants,
} from './lookup';
export { actionDocs, optionDocs, optionDocsUrl, phaseDocs } from './docsText';
export { editDistance } from './nearest';
