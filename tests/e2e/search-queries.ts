/** A learner's query over the handbook in content/ and the pages that should come first for it. */
export interface LearnerQuery {
  query: string;
  kind: 'abbreviation' | 'typo' | 'question' | 'word form' | 'two topics';
  /** Routes of which at least one must be among the first three results. */
  expect: string[];
}

const k8s = '/infrastructure/kubernetes/';

/** Queries real learners type: abbreviations, typos, questions, other word forms and two topics at once. */
export const LEARNER_QUERIES: LearnerQuery[] = [
  { kind: 'abbreviation', query: 'k8s', expect: [k8s] },
  { kind: 'abbreviation', query: 'IaC', expect: ['/infrastructure/terraform/'] },
  { kind: 'abbreviation', query: 'SLO', expect: ['/infrastructure/sre/'] },
  { kind: 'abbreviation', query: 'CI/CD', expect: ['/infrastructure/cicd/'] },
  { kind: 'abbreviation', query: 'gitops', expect: ['/infrastructure/patterns/'] },
  { kind: 'abbreviation', query: 'pvc', expect: [`${k8s}storage/`] },
  { kind: 'abbreviation', query: 'rbac', expect: [`${k8s}security/`] },
  { kind: 'abbreviation', query: 'crd', expect: [`${k8s}operators/`] },
  { kind: 'abbreviation', query: 'hpa', expect: [`${k8s}workloads/`] },
  { kind: 'abbreviation', query: 'mlops', expect: ['/ai-ml/'] },
  { kind: 'abbreviation', query: 'gha', expect: ['/infrastructure/cicd/github-actions/'] },
  { kind: 'abbreviation', query: 'rto rpo', expect: ['/infrastructure/backup-and-dr/'] },
  { kind: 'abbreviation', query: 'otel', expect: ['/infrastructure/monitoring/logs-and-traces/'] },
  { kind: 'abbreviation', query: 'idp', expect: ['/infrastructure/platform-engineering/'] },
  { kind: 'typo', query: 'terrafrom', expect: ['/infrastructure/terraform/'] },
  { kind: 'typo', query: 'kubernets', expect: [k8s] },
  { kind: 'typo', query: 'promethues', expect: ['/infrastructure/monitoring/prometheus-and-promql/'] },
  { kind: 'typo', query: 'dockerfle', expect: ['/infrastructure/docker/dockerfiles/'] },
  { kind: 'typo', query: 'ansibel', expect: ['/infrastructure/configuration-management/'] },
  { kind: 'typo', query: 'terraform modlues', expect: ['/infrastructure/terraform/modules/'] },
  { kind: 'question', query: 'how do I roll back a bad deploy', expect: ['/infrastructure/cicd/deployment-strategies/'] },
  { kind: 'question', query: 'what is an error budget', expect: ['/infrastructure/sre/'] },
  { kind: 'question', query: 'why does my pod keep restarting', expect: [`${k8s}workloads/`] },
  { kind: 'question', query: 'what is a service mesh', expect: ['/infrastructure/service-mesh/'] },
  { kind: 'question', query: 'how to reduce cloud costs', expect: ['/infrastructure/finops/'] },
  { kind: 'question', query: 'how do I store secrets in kubernetes', expect: [`${k8s}configuration-and-helm/`, `${k8s}security/`] },
  { kind: 'word form', query: 'toil reduction', expect: ['/infrastructure/sre/'] },
  {
    kind: 'word form',
    query: 'containerizing an app',
    expect: ['/infrastructure/projects/containerize-and-deploy/', '/infrastructure/docker/'],
  },
  { kind: 'word form', query: 'canary releases', expect: ['/infrastructure/cicd/deployment-strategies/'] },
  { kind: 'word form', query: 'blameless postmortem', expect: ['/infrastructure/sre/'] },
  { kind: 'word form', query: 'chaos experiments', expect: ['/infrastructure/chaos-engineering/'] },
  { kind: 'two topics', query: 'terraform state locking', expect: ['/infrastructure/terraform/state-and-workspaces/'] },
  { kind: 'two topics', query: 'docker compose volumes', expect: ['/infrastructure/docker/compose/'] },
  {
    kind: 'two topics',
    query: 'prometheus alerting rules',
    expect: ['/infrastructure/monitoring/prometheus-and-promql/', '/infrastructure/monitoring/'],
  },
  { kind: 'two topics', query: 'kubernetes ingress tls', expect: [`${k8s}services-and-ingress/`] },
  { kind: 'two topics', query: 'helm chart values', expect: [`${k8s}configuration-and-helm/`] },
  { kind: 'two topics', query: 'github actions cache', expect: ['/infrastructure/cicd/github-actions/'] },
];
