import type { FaultRecord } from './faults';
import type { SentCommand } from './load';
import type { StoredEvent, ViewDocuments } from './observed';
import type { UnexpectedExit } from './services';

export interface OpenedAccount {
  readonly id: string;
  readonly ownerId: string;
  readonly overdraftLimit: bigint;
  readonly dailyWithdrawalLimit: bigint;
}

export interface Evidence {
  readonly accounts: readonly OpenedAccount[];
  readonly sent: readonly SentCommand[];
  readonly store: readonly StoredEvent[];
  readonly views: ViewDocuments;
  readonly faults: readonly FaultRecord[];
  readonly exits: readonly UnexpectedExit[];
}

export interface CheckResult {
  readonly name: string;
  /** How many things the check looked at: a check that looked at nothing proves nothing. */
  readonly checked: number;
  readonly violations: string[];
}

const DEPOSITED = 'account.money-deposited';
const WITHDRAWN = 'account.money-withdrawn';
const OPENED = 'account.opened';
const CLOSED = 'account.closed';

interface FoldedAccount {
  balance: bigint;
  version: number;
  status: 'OPEN' | 'CLOSED';
  movements: Map<string, { kind: string; amount: bigint; balanceAfter: bigint; version: number }>;
}

/** The oracle: each account folded from its events, written independently of the projectors. */
export function foldStore(store: readonly StoredEvent[]): Map<string, FoldedAccount> {
  const folded = new Map<string, FoldedAccount>();
  for (const event of store) {
    let account = folded.get(event.streamId);
    if (!account) {
      account = { balance: 0n, version: 0, status: 'OPEN', movements: new Map() };
      folded.set(event.streamId, account);
    }
    account.version = event.version;
    if (event.type === CLOSED) account.status = 'CLOSED';
    if (event.type === DEPOSITED || event.type === WITHDRAWN) {
      const amount = BigInt(String(event.data['amount']));
      account.balance += event.type === DEPOSITED ? amount : -amount;
      account.movements.set(event.eventId, {
        kind: event.type === DEPOSITED ? 'DEPOSIT' : 'WITHDRAWAL',
        amount,
        balanceAfter: account.balance,
        version: event.version,
      });
    }
  }
  return folded;
}

const movementsOf = (store: readonly StoredEvent[]) =>
  store.filter((event) => event.type === DEPOSITED || event.type === WITHDRAWN);

/** Every check the soak makes, each with what it looked at and what it found wrong. */
export function runChecks(evidence: Evidence): CheckResult[] {
  return [
    acknowledgedAreStored(evidence),
    appliedAtMostOnce(evidence),
    nothingUnsent(evidence),
    rejectedNotApplied(evidence),
    ...viewsEqualFold(evidence),
    invariantsHold(evidence),
    moneyConserved(evidence),
    processesSurvived(evidence),
    everyFaultRecovered(evidence),
  ];
}

function acknowledgedAreStored({ sent, store }: Evidence): CheckResult {
  const byReference = new Map(movementsOf(store).map((event) => [event.data['reference'], event]));
  const acknowledged = sent.filter((command) => command.outcome === 'acknowledged');
  const violations: string[] = [];
  for (const command of acknowledged) {
    const event = byReference.get(command.key);
    if (!event) violations.push(`acknowledged ${command.kind} ${command.key} is not in the store`);
    else if (
      event.streamId !== command.accountId ||
      event.version !== command.version ||
      event.type !== (command.kind === 'deposit' ? DEPOSITED : WITHDRAWN) ||
      BigInt(String(event.data['amount'])) !== command.amount
    )
      violations.push(
        `acknowledged ${command.key} is stored differently (v${event.version} ${event.type})`,
      );
  }
  return {
    name: 'every acknowledged command is in the store',
    checked: acknowledged.length,
    violations,
  };
}

function appliedAtMostOnce({ store }: Evidence): CheckResult {
  const seen = new Map<unknown, number>();
  const movements = movementsOf(store);
  for (const event of movements)
    seen.set(event.data['reference'], (seen.get(event.data['reference']) ?? 0) + 1);
  const violations = [...seen]
    .filter(([, count]) => count > 1)
    .map(([key, count]) => `key ${String(key)} applied ${count} times`);
  return { name: 'no Idempotency-Key applied twice', checked: movements.length, violations };
}

function nothingUnsent({ accounts, sent, store }: Evidence): CheckResult {
  const keys = new Map(sent.map((command) => [command.key, command]));
  const opened = new Set(accounts.map((account) => account.id));
  const violations: string[] = [];
  for (const event of store) {
    if (!opened.has(event.streamId))
      violations.push(`event ${event.eventId} on a stream the soak never opened`);
    else if (event.type === OPENED && event.version !== 1)
      violations.push(`second opening of ${event.streamId}`);
    else if (event.type === DEPOSITED || event.type === WITHDRAWN) {
      const command = keys.get(String(event.data['reference']));
      if (!command)
        violations.push(`event ${event.eventId} (${event.type}) answers no command the soak sent`);
      else if (command.accountId !== event.streamId)
        violations.push(`event ${event.eventId} landed on another account`);
    } else if (event.type !== OPENED) violations.push(`unexpected ${event.type} ${event.eventId}`);
  }
  return { name: 'no event nobody sent', checked: store.length, violations };
}

function rejectedNotApplied({ sent, store }: Evidence): CheckResult {
  const references = new Set(movementsOf(store).map((event) => event.data['reference']));
  const rejected = sent.filter((command) => command.outcome === 'rejected');
  const violations = rejected
    .filter((command) => references.has(command.key))
    .map((command) => `rejected ${command.key} (${command.problemType}) was applied`);
  return { name: 'no rejected command applied', checked: rejected.length, violations };
}

function viewsEqualFold({ store, views }: Evidence): CheckResult[] {
  const folded = foldStore(store);
  const accounts = compareDocuments(
    'accounts view equals a fold of the store',
    folded,
    views.accounts,
  );
  const portfolio = compareDocuments(
    'portfolio view equals a fold of the store',
    folded,
    views.portfolio,
  );

  const expected = new Map<
    string,
    { accountId: string; kind: string; amount: bigint; balanceAfter: bigint; version: number }
  >();
  for (const [accountId, account] of folded)
    for (const [id, movement] of account.movements) expected.set(id, { accountId, ...movement });
  const violations: string[] = [];
  const actual = new Map(views.transactions.map((doc) => [doc._id, doc]));
  for (const [id, movement] of expected) {
    const doc = actual.get(id);
    if (!doc)
      violations.push(
        `movement ${id} (v${movement.version} of ${movement.accountId}) missing from the transactions view`,
      );
    else if (
      doc.accountId !== movement.accountId ||
      doc.kind !== movement.kind ||
      BigInt(doc.amount) !== movement.amount ||
      BigInt(doc.balanceAfter) !== movement.balanceAfter ||
      doc.version !== movement.version
    )
      violations.push(
        `movement ${id} differs: view ${doc.kind} ${doc.amount} → ${doc.balanceAfter} v${doc.version}`,
      );
  }
  for (const id of actual.keys())
    if (!expected.has(id))
      violations.push(`transactions view has ${id}, which no stored event explains`);
  return [
    accounts,
    { name: 'transactions view equals a fold of the store', checked: expected.size, violations },
    portfolio,
  ];
}

function compareDocuments(
  name: string,
  folded: Map<string, FoldedAccount>,
  docs: ReadonlyArray<{ _id: string; balance: string; version: number; status: string }>,
): CheckResult {
  const violations: string[] = [];
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  for (const [id, account] of folded) {
    const doc = byId.get(id);
    if (!doc) violations.push(`${id} missing`);
    else if (
      BigInt(doc.balance) !== account.balance ||
      doc.version !== account.version ||
      doc.status !== account.status
    )
      violations.push(
        `${id}: view ${doc.balance} v${doc.version} ${doc.status}, store ${account.balance} v${account.version} ${account.status}`,
      );
  }
  for (const id of byId.keys())
    if (!folded.has(id)) violations.push(`${id} in the view but not in the store`);
  return { name, checked: folded.size, violations };
}

function invariantsHold({ accounts, store }: Evidence): CheckResult {
  const limits = new Map(accounts.map((account) => [account.id, account]));
  const balances = new Map<string, bigint>();
  const withdrawnPerDay = new Map<string, bigint>();
  const violations: string[] = [];
  for (const event of movementsOf(store)) {
    const account = limits.get(event.streamId);
    if (!account) continue; // reported by "no event nobody sent"
    const amount = BigInt(String(event.data['amount']));
    const balance =
      (balances.get(event.streamId) ?? 0n) + (event.type === DEPOSITED ? amount : -amount);
    balances.set(event.streamId, balance);
    if (balance < -account.overdraftLimit)
      violations.push(
        `${event.streamId} v${event.version}: balance ${balance} below -${account.overdraftLimit}`,
      );
    if (BigInt(String(event.data['balanceAfter'])) !== balance)
      violations.push(
        `${event.streamId} v${event.version}: balanceAfter ${String(event.data['balanceAfter'])}, fold ${balance}`,
      );
    if (event.type === WITHDRAWN) {
      const day = `${event.streamId}/${event.occurredAt.toISOString().slice(0, 10)}`;
      const total = (withdrawnPerDay.get(day) ?? 0n) + amount;
      withdrawnPerDay.set(day, total);
      if (total > account.dailyWithdrawalLimit)
        violations.push(
          `${day}: withdrawn ${total}, over the daily limit ${account.dailyWithdrawalLimit}`,
        );
    }
  }
  return {
    name: 'balances within overdraft, withdrawals within the daily limit',
    checked: movementsOf(store).length,
    violations,
  };
}

function moneyConserved({ sent, store, views }: Evidence): CheckResult {
  const applied = new Set(movementsOf(store).map((event) => event.data['reference']));
  let expected = 0n;
  for (const command of sent)
    if (applied.has(command.key))
      expected += command.kind === 'deposit' ? command.amount : -command.amount;
  const viewed = views.accounts.reduce((sum, doc) => sum + BigInt(doc.balance), 0n);
  const violations =
    viewed === expected
      ? []
      : [`the accounts hold ${viewed}, deposits minus withdrawals are ${expected}`];
  return {
    name: 'money conserved: balances = deposits − withdrawals',
    checked: applied.size,
    violations,
  };
}

function processesSurvived({ exits, faults }: Evidence): CheckResult {
  return {
    name: 'no process exited on its own',
    checked: faults.length,
    violations: exits.map(
      (exit) =>
        `${exit.process} exited (code ${exit.code}) at ${(exit.atMs / 1000).toFixed(1)} s: ${exit.lastOutput.slice(-300)}`,
    ),
  };
}

function everyFaultRecovered({ faults }: Evidence): CheckResult {
  const violations = faults
    .filter(
      (fault) => fault.graphqlMs === null || fault.commandMs === null || fault.visibleMs === null,
    )
    .map(
      (fault) =>
        `${fault.component} at ${(fault.atMs / 1000).toFixed(1)} s did not recover within 60 s`,
    );
  return {
    name: 'every fault recovered (GraphQL, commands, views)',
    checked: faults.length,
    violations,
  };
}
