import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOPICS } from '@ledgerline/contracts';
import {
  documentedVariables,
  installTools,
  parseYamlStream,
  run,
  TOOL_INSTALL_TIMEOUT_MS,
  workspaceRoot,
  type DeployTools,
} from './support/deploy-tools';

/**
 * Renders every Kustomize overlay with the pinned kustomize and checks the result offline:
 * strict Kubernetes 1.37 OpenAPI schemas, the hardening every pod must have, and that the
 * pieces fit together (PDBs, HPAs, NetworkPolicies, Secrets, operator resources, topics).
 */
type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
};

const TARGETS = ['base', 'overlays/dev', 'overlays/prod'] as const;
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'Job']);
// Custom resources have no schema in kubernetes-validate's Kubernetes set; their operators'
// CRDs are not on any registry reachable here, so they get the targeted checks at the bottom.
const CUSTOM_KINDS = new Set([
  'kafka.strimzi.io/v1 Kafka',
  'kafka.strimzi.io/v1 KafkaNodePool',
  'kafka.strimzi.io/v1 KafkaTopic',
  'postgresql.cnpg.io/v1 Cluster',
  'mongodbcommunity.mongodb.com/v1 MongoDBCommunity',
]);
// Secrets the prod overlay expects to exist without rendering them (docs/deployment.md).
const EXTERNAL_SECRETS: Record<string, string[]> = {
  base: ['ledgerline-secrets'],
  'overlays/dev': [],
  'overlays/prod': ['ledgerline-secrets', 'ledgerline-pg-app', 'ledgerline-mongo-admin-ledgerline'],
};

let tools: Partial<DeployTools>;
let scratch: string;
const rendered = new Map<string, { file: string; objects: Obj[] }>();

beforeAll(() => {
  tools = installTools('kustomize', 'kubernetes-validate');
  scratch = mkdtempSync(path.join(tmpdir(), 'ledgerline-k8s-'));
  for (const target of TARGETS) {
    const result = run(tools.kustomize!, ['build', path.join(workspaceRoot, 'k8s', target)]);
    if (result.status !== 0) throw new Error(`kustomize build k8s/${target}:\n${result.output}`);
    const file = path.join(scratch, `${target.replace('/', '-')}.yaml`);
    writeFileSync(file, result.stdout);
    rendered.set(target, { file, objects: parseYamlStream<Obj>(result.stdout) });
  }
}, TOOL_INSTALL_TIMEOUT_MS);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const objectsOf = (target: string) => rendered.get(target)!.objects;
const id = (o: Obj) => `${o.kind}/${o.metadata.name}`;
const podSpec = (o: Obj) => o.spec.template.spec;
const workloads = (target: string) => objectsOf(target).filter((o) => WORKLOADS.has(o.kind));

function matches(selector: Record<string, string>, labels: Record<string, string> = {}) {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe.each(TARGETS)('k8s/%s', (target) => {
  it('passes strict Kubernetes 1.37 schema validation (unknown fields are errors)', () => {
    const result = run(tools['kubernetes-validate']!, [
      '--strict',
      '--quiet',
      rendered.get(target)!.file,
    ]);
    const lines = result.output.trim().split('\n').filter(Boolean);
    const noSchema = /Couldn't find schema for kind (\S+) with api version (\S+)/;
    const problems = lines.filter((line) => !noSchema.test(line));
    expect(problems).toEqual([]);
    expect(result.status).toBe(0);
    // Only the operators' kinds may go without a schema; a misspelt built-in apiVersion may not.
    const unchecked = lines
      .map((line) => noSchema.exec(line))
      .filter((match) => match !== null)
      .map((match) => `${match[2]} ${match[1]}`)
      .filter((kind) => !CUSTOM_KINDS.has(kind));
    expect(unchecked).toEqual([]);
  });

  it('hardens every pod and container (non-root, read-only root, no capabilities)', () => {
    const problems: string[] = [];
    for (const workload of workloads(target)) {
      const pod = podSpec(workload);
      const podSecurity = pod.securityContext ?? {};
      if (pod.automountServiceAccountToken !== false) problems.push(`${id(workload)}: token`);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        const where = `${id(workload)} ${container.name}`;
        const security = { ...podSecurity, ...container.securityContext };
        if (security.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot`);
        if (security.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${where}: seccomp`);
        const own = container.securityContext ?? {};
        if (own.allowPrivilegeEscalation !== false) problems.push(`${where}: privilege escalation`);
        if (own.readOnlyRootFilesystem !== true) problems.push(`${where}: writable root`);
        if (!own.capabilities?.drop?.includes('ALL')) problems.push(`${where}: capabilities`);
        if (own.privileged) problems.push(`${where}: privileged`);
        const { requests = {}, limits = {} } = container.resources ?? {};
        if (!requests.cpu || !requests.memory || !limits.memory) {
          problems.push(`${where}: resources`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every long-running container startup, liveness and readiness probes', () => {
    const missing = workloads(target)
      .filter((o) => o.kind !== 'Job')
      .flatMap((o) =>
        podSpec(o)
          .containers.filter(
            (c: any) => !c.startupProbe || !c.livenessProbe || !c.readinessProbe, // eslint-disable-line @typescript-eslint/no-explicit-any
          )
          .map((c: { name: string }) => `${id(o)} ${c.name}`),
      );
    expect(missing).toEqual([]);
  });

  it('mounts a writable /tmp into every Ledgerline container', () => {
    const missing = workloads(target)
      .filter((o) => o.metadata.labels?.['app.kubernetes.io/part-of'] === 'ledgerline')
      .flatMap((o) =>
        [...(podSpec(o).initContainers ?? []), ...podSpec(o).containers]
          .filter(
            (c) => !c.volumeMounts?.some((m: { mountPath: string }) => m.mountPath === '/tmp'),
          )
          .map((c) => `${id(o)} ${c.name}`),
      );
    expect(missing).toEqual([]);
  });

  it('covers every Deployment with a PodDisruptionBudget and every HPA target exists', () => {
    const objects = objectsOf(target);
    const budgets = objects.filter((o) => o.kind === 'PodDisruptionBudget');
    const uncovered = objects
      .filter((o) => o.kind === 'Deployment')
      .filter(
        (d) =>
          !budgets.some((b) =>
            matches(b.spec.selector.matchLabels, d.spec.template.metadata.labels),
          ),
      )
      .map(id);
    expect(uncovered).toEqual([]);
    const hpaTargets = objects
      .filter((o) => o.kind === 'HorizontalPodAutoscaler')
      .map((h) => `${h.spec.scaleTargetRef.kind}/${h.spec.scaleTargetRef.name}`);
    expect(hpaTargets.sort()).toEqual(['Deployment/command-service', 'Deployment/query-service']);
    expect(hpaTargets.every((t) => objects.some((o) => id(o) === t))).toBe(true);
  });

  it('denies all traffic of Ledgerline pods by default and allows DNS', () => {
    const policies = objectsOf(target).filter((o) => o.kind === 'NetworkPolicy');
    const denyAll = policies.find(
      (p) =>
        p.spec.podSelector.matchLabels?.['app.kubernetes.io/part-of'] === 'ledgerline' &&
        p.spec.policyTypes.includes('Ingress') &&
        p.spec.policyTypes.includes('Egress') &&
        !p.spec.ingress &&
        !p.spec.egress,
    );
    expect(denyAll).toBeDefined();
    const dnsPorts = policies.flatMap((p) =>
      (p.spec.egress ?? []).flatMap((rule: { ports?: { port: number }[] }) => rule.ports ?? []),
    );
    expect(dnsPorts).toEqual(expect.arrayContaining([expect.objectContaining({ port: 53 })]));
    // A pod the default deny isolates needs egress beyond DNS, or it can reach nothing.
    const stranded = workloads(target)
      .map((o) => [id(o), o.spec.template.metadata.labels] as const)
      .filter(([, labels]) => labels['app.kubernetes.io/part-of'] === 'ledgerline')
      .filter(
        ([, labels]) =>
          policies.filter((p) => p.spec.egress?.length && selects(p.spec.podSelector, labels))
            .length < 2,
      )
      .map(([name]) => name);
    expect(stranded).toEqual([]);
  });

  it('references only ConfigMaps and Secrets it renders, or documented external ones', () => {
    const objects = objectsOf(target);
    const names = (kind: string) =>
      objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
    const configMaps = new Set(names('ConfigMap'));
    const secrets = new Set([...names('Secret'), ...EXTERNAL_SECRETS[target]!]);
    const problems: string[] = [];
    for (const workload of workloads(target)) {
      const pod = podSpec(workload);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef && !configMaps.has(source.configMapRef.name)) {
            problems.push(`${id(workload)}: ConfigMap ${source.configMapRef.name}`);
          }
          if (source.secretRef && !secrets.has(source.secretRef.name)) {
            problems.push(`${id(workload)}: Secret ${source.secretRef.name}`);
          }
        }
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (ref && !secrets.has(ref.name)) problems.push(`${id(workload)}: Secret ${ref.name}`);
        }
      }
      for (const volume of pod.volumes ?? []) {
        if (volume.configMap && !configMaps.has(volume.configMap.name)) {
          problems.push(`${id(workload)}: volume ConfigMap ${volume.configMap.name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('sets only variables the services document (README "Configuration")', () => {
    const known = documentedVariables();
    const infra = new Set(['POSTGRES_USER', 'POSTGRES_DB', 'PGDATA', 'KAFKA_HEAP_OPTS']);
    const configured = objectsOf(target)
      .filter((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('ledgerline-config'))
      .flatMap((o) => Object.keys(o.data ?? {}));
    const fromEnv = workloads(target).flatMap((o) =>
      podSpec(o).containers.flatMap((c: { env?: { name: string }[] }) =>
        (c.env ?? []).map((e) => e.name),
      ),
    );
    const unknown = [...configured, ...fromEnv].filter((n) => !known.has(n) && !infra.has(n));
    expect(unknown).toEqual([]);
  });

  it('pins every image to a version (no :latest, no bare names outside the base)', () => {
    const images = workloads(target).flatMap((o) =>
      [...(podSpec(o).initContainers ?? []), ...podSpec(o).containers].map(
        (c: { image: string }) => c.image,
      ),
    );
    const unpinned = images.filter((image) => /:latest$/.test(image) || !/[:@]/.test(image));
    expect(unpinned).toEqual([]);
  });

  it('drains the relay and the consumer for at least 30 s and runs migrations only in the Job', () => {
    const grace = (name: string) =>
      objectsOf(target).find((o) => o.kind === 'Deployment' && o.metadata.name === name)!.spec
        .template.spec.terminationGracePeriodSeconds;
    expect(grace('relay')).toBeGreaterThanOrEqual(30);
    expect(grace('query-service')).toBeGreaterThanOrEqual(30);
    const commands = workloads(target).flatMap((o) =>
      [...(podSpec(o).initContainers ?? []), ...podSpec(o).containers].map(
        (c: { command?: string[] }) => [o.kind, (c.command ?? []).join(' ')] as const,
      ),
    );
    const migrating = commands.filter(([, command]) => command.includes('migrate.js'));
    expect(migrating.map(([kind]) => kind)).toEqual(['Job']);
    const waiting = commands.filter(([, command]) => command.includes('wait-for-migrations'));
    expect(waiting).toHaveLength(2); // command-service and relay
  });
});

function selects(
  selector: { matchLabels?: Record<string, string>; matchExpressions?: any[] }, // eslint-disable-line @typescript-eslint/no-explicit-any
  labels: Record<string, string>,
): boolean {
  if (selector.matchLabels && !matches(selector.matchLabels, labels)) return false;
  return (selector.matchExpressions ?? []).every(
    (e: { key: string; operator: string; values: string[] }) =>
      e.operator === 'In' ? e.values.includes(labels[e.key]!) : true,
  );
}

describe('PostgreSQL settings of the overlays', () => {
  // A session idle inside a transaction holds the relay's settled horizon (docs/deployment.md).
  it('ends sessions left idle in a transaction after 60 s, in dev and in prod', () => {
    const dev = objectsOf('overlays/dev').find(
      (o) => o.kind === 'StatefulSet' && o.metadata.name === 'postgres',
    )!;
    const [container] = podSpec(dev).containers;
    expect(container.args).toEqual(['postgres', '-c', 'idle_in_transaction_session_timeout=60s']);
    const cluster = objectsOf('overlays/prod').find((o) => o.kind === 'Cluster')!;
    expect(cluster.spec.postgresql.parameters).toMatchObject({
      idle_in_transaction_session_timeout: '60s',
    });
  });
});

describe('k8s/overlays/prod operator resources', () => {
  const prod = () => objectsOf('overlays/prod');
  const one = (kind: string) => prod().filter((o) => o.kind === kind);
  const config = () =>
    Object.fromEntries(
      readFileSync(path.join(workspaceRoot, 'k8s/base/config.env'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z]/.test(line))
        .map((line) => line.split('=', 2) as [string, string]),
    );

  it('renders no Secret: real ones are created out of band or by the operators', () => {
    expect(one('Secret')).toEqual([]);
  });

  it('declares every topic of libs/contracts as a KafkaTopic of the Kafka cluster', () => {
    const [kafka] = one('Kafka');
    const topics = one('KafkaTopic');
    expect(topics.map((t) => t.spec.topicName).sort()).toEqual(Object.values(TOPICS).sort());
    for (const topic of topics) {
      expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe(kafka!.metadata.name);
      expect(String(topic.spec.partitions)).toBe(config()['KAFKA_TOPIC_PARTITIONS']);
      // With min.insync.replicas = replicas one broker down would stop every producer.
      expect(topic.spec.replicas).toBeGreaterThan(Number(topic.spec.config['min.insync.replicas']));
      expect(topic.spec.config['cleanup.policy'] ?? 'delete').toBe('delete');
    }
    const pools = one('KafkaNodePool');
    expect(
      pools.every((p) => p.metadata.labels?.['strimzi.io/cluster'] === kafka!.metadata.name),
    ).toBe(true);
    const configMap = prod().find((o) => o.kind === 'ConfigMap')!;
    expect(configMap.data!['KAFKA_BROKERS']).toBe(`${kafka!.metadata.name}-kafka-bootstrap:9092`);
    // The services' Kafka client has no TLS/SASL settings: the listener must be plain.
    expect(kafka!.spec.kafka.listeners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ port: 9092, tls: false, type: 'internal' }),
      ]),
    );
  });

  it('reads the connection strings from the Secrets the operators generate', () => {
    const [cluster] = one('Cluster');
    const [mongo] = one('MongoDBCommunity');
    const user = mongo!.spec.users[0];
    expect(EXTERNAL_SECRETS['overlays/prod']).toEqual(
      expect.arrayContaining([
        `${cluster!.metadata.name}-app`,
        `${mongo!.metadata.name}-${user.db}-${user.name}`,
      ]),
    );
    expect(cluster!.spec.bootstrap.initdb).toEqual({ database: 'ledgerline', owner: 'ledgerline' });
    expect(user.roles).toContainEqual({ name: 'readWrite', db: config()['MONGODB_DATABASE'] });
  });
});
