/**
 * ReplicationController, ReplicaSet and Deployment: defaults (pkg/apis/core/v1/defaults.go
 * SetDefaults_ReplicationController, pkg/apis/apps/v1/defaults.go), the strategies (status
 * reset on create, kept on update; generation) and validation (ValidateReplicationControllerSpec,
 * ValidateReplicaSetSpec, ValidateDeploymentSpec with ValidatePodTemplateSpecForReplicaSet).
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import { GoLiteral, goQuote, goStringMap } from '../govalue.ts';
import { selectorFromLabelSelector, selectorFromMap } from '../labels.ts';
import type { KindStrategy } from '../strategy.ts';
import { deepEqual } from '../equal.ts';
import type { KubeObject, LabelSelector } from '../types.ts';
import { setDefaultsPodSpec, validatePodSpec } from './podspec.ts';
import { isQualifiedName, isValidLabelValue, validateLabels } from './validation.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function defaultTemplate(spec: Obj): void {
  if (spec.template && typeof spec.template === 'object') {
    spec.template.spec ??= {};
    setDefaultsPodSpec(spec.template.spec, false);
  }
}

function validateReplicas(spec: Obj): FieldError[] {
  const r = spec.replicas;
  return typeof r === 'number' && r < 0 ? [fieldErrors.invalid('spec.replicas', r, 'must be greater than or equal to 0')] : [];
}

function validateMinReady(spec: Obj): FieldError[] {
  const m = spec.minReadySeconds;
  return typeof m === 'number' && m < 0 ? [fieldErrors.invalid('spec.minReadySeconds', m, 'must be greater than or equal to 0')] : [];
}

/** ValidatePodTemplateSpecForReplicaSet. */
function validateTemplate(template: Obj | undefined, matches: ((labels: Record<string, string> | undefined) => boolean) | undefined): FieldError[] {
  if (!template) return [fieldErrors.required('spec.template')];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels as Record<string, string> | undefined;
  if (matches && !matches(labels)) {
    errs.push(fieldErrors.invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  const rp = template.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(fieldErrors.notSupported('spec.template.spec.restartPolicy', rp ?? '', ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldErrors.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

function goLabelSelector(sel: LabelSelector): GoLiteral {
  const ml = sel.matchLabels ? goStringMap(sel.matchLabels).text : 'map[string]string(nil)';
  const me = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${e.values ? `[]string{${e.values.map(goQuote).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoLiteral(`v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`);
}

/** ValidateLabelSelector (metav1 validation). */
function validateLabelSelector(sel: LabelSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (sel.matchExpressions ?? []).forEach((e, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const ops = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (!(e.values?.length ?? 0)) errs.push(fieldErrors.required(`${at}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if ((e.values?.length ?? 0) > 0) errs.push(fieldErrors.forbidden(`${at}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    } else {
      errs.push(fieldErrors.invalid(`${at}.operator`, e.operator, 'not a valid selector operator'));
    }
    void ops;
    for (const m of isQualifiedName(e.key)) errs.push(fieldErrors.invalid(`${at}.key`, e.key, m));
    (e.values ?? []).forEach((v, j) => {
      for (const m of isValidLabelValue(v)) errs.push(fieldErrors.invalid(`${at}.values[${j}]`, v, m));
    });
  });
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`));
  return errs;
}

function validateAppsSpec(obj: KubeObject, kindWord: string): FieldError[] {
  const spec: Obj = obj.spec ?? {};
  const errs: FieldError[] = [...validateReplicas(spec), ...validateMinReady(spec)];
  const sel = spec.selector as LabelSelector | undefined;
  let matches: ((l: Record<string, string> | undefined) => boolean) | undefined;
  if (!sel) {
    errs.push(fieldErrors.required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
      errs.push(fieldErrors.invalid('spec.selector', goLabelSelector(sel), `empty selector is invalid for ${kindWord}`));
    } else {
      const s = selectorFromLabelSelector(sel);
      matches = (l) => s.matches(l);
    }
  }
  errs.push(...validateTemplate(spec.template, matches));
  return errs;
}

function validateDeploymentStrategy(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const st = spec.strategy ?? {};
  if (st.type !== 'Recreate' && st.type !== 'RollingUpdate') {
    errs.push(fieldErrors.notSupported('spec.strategy.type', st.type ?? '', ['Recreate', 'RollingUpdate']));
  } else if (st.type === 'Recreate' && st.rollingUpdate !== undefined) {
    errs.push(fieldErrors.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  }
  return errs;
}

const workloadBase: KindStrategy = { hasGeneration: true, hasStatusSubresource: true };

export const replicationControllerStrategy: KindStrategy = {
  ...workloadBase,
  defaults(obj) {
    const spec: Obj = (obj.spec ??= {});
    const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
    if (labels) {
      if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) obj.metadata.labels = { ...labels };
    }
    spec.replicas ??= 1;
    defaultTemplate(spec);
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  validate(obj) {
    const spec: Obj = obj.spec ?? {};
    const errs: FieldError[] = [...validateReplicas(spec), ...validateMinReady(spec)];
    const selector = spec.selector as Record<string, string> | undefined;
    if (!selector || Object.keys(selector).length === 0) errs.push(fieldErrors.required('spec.selector'));
    else errs.push(...validateLabels(selector, 'spec.selector'));
    const s = selector && Object.keys(selector).length > 0 ? selectorFromMap(selector) : undefined;
    errs.push(...validateTemplate(spec.template, s ? (l) => s.matches(l) : undefined));
    return errs;
  },
};

export const replicaSetStrategy: KindStrategy = {
  ...workloadBase,
  defaults(obj) {
    const spec: Obj = (obj.spec ??= {});
    spec.replicas ??= 1;
    defaultTemplate(spec);
  },
  prepareForCreate(obj) {
    obj.status = { replicas: 0 };
  },
  validate(obj) {
    return validateAppsSpec(obj, 'replicaset');
  },
  validateUpdate(obj, old) {
    const errs = validateAppsSpec(obj, 'replicaset');
    if (!deepEqual(obj.spec?.selector, old.spec?.selector)) {
      errs.unshift(fieldErrors.invalid('spec.selector', goLabelSelector(obj.spec?.selector ?? {}), 'field is immutable'));
    }
    return errs;
  },
};

export const deploymentStrategy: KindStrategy = {
  ...workloadBase,
  defaults(obj) {
    const spec: Obj = (obj.spec ??= {});
    spec.replicas ??= 1;
    spec.strategy ??= {};
    spec.strategy.type ||= 'RollingUpdate';
    if (spec.strategy.type === 'RollingUpdate') {
      spec.strategy.rollingUpdate ??= {};
      spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
      spec.strategy.rollingUpdate.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    defaultTemplate(spec);
  },
  prepareForCreate(obj) {
    obj.status = {};
  },
  validate(obj) {
    return [...validateAppsSpec(obj, 'deployment'), ...validateDeploymentStrategy(obj.spec ?? {})];
  },
  validateUpdate(obj, old) {
    const errs = [...validateAppsSpec(obj, 'deployment'), ...validateDeploymentStrategy(obj.spec ?? {})];
    if (!deepEqual(obj.spec?.selector, old.spec?.selector)) {
      errs.unshift(fieldErrors.invalid('spec.selector', goLabelSelector(obj.spec?.selector ?? {}), 'field is immutable'));
    }
    return errs;
  },
};

/** The apps/v1 form of the internal spec.templateGeneration (pkg/apis/apps/v1/conversion.go). */
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return 0;
}

/** ValidatePositiveIntOrPercent plus IsNotMoreThan100Percent (pkg/apis/apps/validation). */
function validateIntOrPercent(v: unknown, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'string') {
    if (!/^[0-9]+%$/.test(v)) return [fieldErrors.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
    return Number(v.slice(0, -1)) > 100 ? [fieldErrors.invalid(path, v, 'must not be greater than 100%')] : [];
  }
  return typeof v === 'number' && v < 0 ? [fieldErrors.invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** ValidateDaemonSetUpdateStrategy. */
function validateDaemonSetStrategy(spec: Obj): FieldError[] {
  const st = spec.updateStrategy ?? {};
  if (st.type === 'OnDelete') return [];
  if (st.type !== 'RollingUpdate') return [fieldErrors.notSupported('spec.updateStrategy', st.type ?? '', ['RollingUpdate', 'OnDelete'])];
  const ru = st.rollingUpdate;
  if (!ru) return [fieldErrors.required('spec.updateStrategy.rollingUpdate')];
  const errs = [
    ...validateIntOrPercent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'),
    ...validateIntOrPercent(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge'),
  ];
  const unavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const surge = intOrPercentValue(ru.maxSurge) !== 0;
  if (unavailable && surge) errs.push(fieldErrors.invalid('spec.updateStrategy.rollingUpdate.maxSurge', ru.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!unavailable && !surge) errs.push(fieldErrors.required('spec.updateStrategy.rollingUpdate.maxUnavailable', 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/**
 * ValidateDaemonSetSpec: unlike the replica kinds a missing selector is not "Required"; it
 * selects nothing, so the template's labels fail to match it.
 */
function validateDaemonSetSpec(obj: KubeObject): FieldError[] {
  const spec: Obj = obj.spec ?? {};
  const errs: FieldError[] = [];
  const sel = spec.selector as LabelSelector | undefined;
  if (sel) errs.push(...validateLabelSelector(sel, 'spec.selector'));
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  const matches = sel ? selectorFromLabelSelector(sel).matches(labels) : false;
  if (!matches) errs.push(fieldErrors.invalid('spec.template.metadata.labels', goStringMap(labels), '`selector` does not match template `labels`'));
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
    errs.push(fieldErrors.invalid('spec.selector', goLabelSelector(sel), 'empty selector is invalid for daemonset'));
  }
  const template: Obj | undefined = spec.template;
  errs.push(...validateLabels(labels, 'spec.template.metadata.labels'));
  errs.push(...validatePodSpec(template?.spec, 'spec.template.spec'));
  const rp = template?.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(fieldErrors.notSupported('spec.template.spec.restartPolicy', rp ?? '', ['Always']));
  if (template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldErrors.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateMinReady(spec));
  errs.push(...validateDaemonSetStrategy(spec));
  const limit = spec.revisionHistoryLimit;
  if (typeof limit === 'number' && limit < 0) errs.push(fieldErrors.invalid('spec.revisionHistoryLimit', limit, 'must be greater than or equal to 0'));
  return errs;
}

/** pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet and pkg/registry/apps/daemonset/strategy.go. */
export const daemonSetStrategy: KindStrategy = {
  ...workloadBase,
  defaults(obj) {
    const spec: Obj = (obj.spec ??= {});
    spec.updateStrategy ??= {};
    spec.updateStrategy.type ||= 'RollingUpdate';
    if (spec.updateStrategy.type === 'RollingUpdate') {
      spec.updateStrategy.rollingUpdate ??= {};
      spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
      spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    defaultTemplate(spec);
  },
  prepareForCreate(obj) {
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION]: '1' };
  },
  prepareForUpdate(obj, old) {
    // The template generation counts template changes; it lives in an annotation in apps/v1.
    const was = Number(old.metadata.annotations?.[TEMPLATE_GENERATION] ?? '1') || 1;
    const changed = !deepEqual(obj.spec?.template, old.spec?.template);
    obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION]: String(changed ? was + 1 : was) };
  },
  validate(obj) {
    return validateDaemonSetSpec(obj);
  },
  validateUpdate(obj, old) {
    const errs = validateDaemonSetSpec(obj);
    if (!deepEqual(obj.spec?.selector, old.spec?.selector)) {
      errs.unshift(fieldErrors.invalid('spec.selector', goLabelSelector(obj.spec?.selector ?? {}), 'field is immutable'));
    }
    return errs;
  },
};
