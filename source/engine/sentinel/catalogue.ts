import type {EventMeaning, FailoverPhase} from './types.js';

/** Every Sentinel event of Redis 7.2: what it means, how loud it is, and its failover phase. */
export const EVENT_CATALOGUE: readonly EventMeaning[] = [
	{type: '+monitor', severity: 'info', en: 'this sentinel starts watching a master', zh: '哨兵开始监控这个 master'},
	{type: '-monitor', severity: 'notice', en: 'this sentinel stops watching a master', zh: '哨兵不再监控这个 master'},
	{type: '+set', severity: 'info', en: 'a monitoring option was changed with SENTINEL SET', zh: '用 SENTINEL SET 修改了一个监控参数'},
	{type: '+reset-master', severity: 'notice', en: 'the master\'s state was reset (SENTINEL RESET)', zh: 'master 的状态被重置（SENTINEL RESET）'},
	{type: '+slave', severity: 'info', en: 'a replica of the master was discovered and is now watched', zh: '发现了 master 的一个 replica，开始监控它'},
	{type: '+sentinel', severity: 'info', en: 'another sentinel watching the same master was discovered', zh: '发现了另一个监控同一 master 的哨兵'},
	{type: '+sentinel-address-switch', severity: 'notice', en: 'a known sentinel changed its address', zh: '一个已知哨兵的地址变了'},
	{type: '+sentinel-address-update', severity: 'notice', en: 'a sentinel\'s address was updated from its hello message', zh: '根据 hello 消息更新了某个哨兵的地址'},
	{type: '+sentinel-invalid-addr', severity: 'warning', en: 'a sentinel announced an address that cannot be used', zh: '某个哨兵宣告的地址无法使用'},
	{type: '+sdown', severity: 'warning', phase: 'detect', en: 'no valid reply for down-after-milliseconds: this sentinel alone thinks the instance is down (subjectively down)', zh: '超过 down-after-milliseconds 没有有效回复：这个哨兵自己认为实例下线了（主观下线）'},
	{type: '-sdown', severity: 'success', en: 'the instance answers again: no longer subjectively down', zh: '实例重新回复了：不再主观下线'},
	{type: '+odown', severity: 'critical', phase: 'agree', en: 'enough sentinels (the quorum) agree the master is down: objectively down', zh: '足够多（达到 quorum）的哨兵都认为 master 下线：客观下线'},
	{type: '-odown', severity: 'success', en: 'the master is no longer objectively down', zh: 'master 不再处于客观下线状态'},
	{type: '+new-epoch', severity: 'notice', phase: 'elect', en: 'the current epoch grew: a new election round begins', zh: '当前纪元（epoch）增加：开始新一轮选举'},
	{type: '+try-failover', severity: 'notice', phase: 'elect', en: 'this sentinel wants to lead the failover and asks the others for votes', zh: '这个哨兵想主持故障转移，向其他哨兵拉票'},
	{type: '+vote-for-leader', severity: 'notice', phase: 'elect', en: 'a vote for the sentinel that should lead this epoch\'s failover', zh: '为本纪元负责故障转移的哨兵投票'},
	{type: '+elected-leader', severity: 'notice', phase: 'elect', en: 'this sentinel won a majority of votes and leads the failover', zh: '这个哨兵获得多数票，成为故障转移的领头者'},
	{type: '-failover-abort-not-elected', severity: 'warning', phase: 'elect', en: 'not elected: too few votes, so no failover this time', zh: '票数不够，没有当选，本次不进行故障转移'},
	{type: '+failover-state-select-slave', severity: 'notice', phase: 'promote', en: 'the leader looks for the best replica to promote', zh: '领头哨兵开始挑选最合适的 replica'},
	{type: '-failover-abort-no-good-slave', severity: 'critical', phase: 'promote', en: 'no replica is fit to be promoted: failover aborted', zh: '没有可以晋升的 replica：故障转移中止'},
	{type: '+selected-slave', severity: 'notice', phase: 'promote', en: 'this replica was chosen to become the new master', zh: '选中了这个 replica 作为新的 master'},
	{type: '+failover-state-send-slaveof-noone', severity: 'notice', phase: 'promote', en: 'the leader sends REPLICAOF NO ONE to the chosen replica', zh: '领头哨兵向选中的 replica 发送 REPLICAOF NO ONE'},
	{type: '+failover-state-wait-promotion', severity: 'notice', phase: 'promote', en: 'waiting for the chosen replica to report itself as master', zh: '等待选中的 replica 报告自己已成为 master'},
	{type: '-failover-abort-slave-timeout', severity: 'critical', phase: 'promote', en: 'the chosen replica did not become master in time: failover aborted', zh: '选中的 replica 没能及时成为 master：故障转移中止'},
	{type: '+promoted-slave', severity: 'success', phase: 'promote', en: 'the chosen replica is now a master', zh: '选中的 replica 已经成为 master'},
	{type: '+failover-state-reconf-slaves', severity: 'notice', phase: 'reconfigure', en: 'the other replicas are being pointed at the new master', zh: '开始让其他 replica 改为复制新的 master'},
	{type: '+slave-reconf-sent', severity: 'info', phase: 'reconfigure', en: 'REPLICAOF the new master was sent to this replica', zh: '已向这个 replica 发送 REPLICAOF 新 master'},
	{type: '+slave-reconf-inprog', severity: 'info', phase: 'reconfigure', en: 'this replica is syncing with the new master', zh: '这个 replica 正在与新 master 同步'},
	{type: '+slave-reconf-done', severity: 'success', phase: 'reconfigure', en: 'this replica is in sync with the new master', zh: '这个 replica 已与新 master 同步完成'},
	{type: '+slave-reconf-sent-be', severity: 'info', phase: 'reconfigure', en: 'REPLICAOF was sent to a replica that was being reconfigured already', zh: '向一个已在重新配置中的 replica 发送了 REPLICAOF'},
	{type: '-slave-reconf-sent-timeout', severity: 'warning', phase: 'reconfigure', en: 'a replica did not finish reconfiguring in time; moving on', zh: '某个 replica 没有按时完成重新配置，继续后续流程'},
	{type: '+failover-end', severity: 'success', phase: 'done', en: 'the failover is finished', zh: '故障转移结束'},
	{type: '+failover-end-for-timeout', severity: 'warning', phase: 'done', en: 'the failover ended because failover-timeout ran out', zh: '因为超过 failover-timeout，故障转移结束'},
	{type: '+switch-master', severity: 'success', phase: 'done', en: 'the master changed: clients must now use the new address', zh: 'master 已切换：客户端现在应使用新地址'},
	{type: '+config-update-from', severity: 'notice', phase: 'done', en: 'a follower sentinel adopts the new configuration published by the leader', zh: '跟随的哨兵采用领头哨兵发布的新配置'},
	{type: '+convert-to-slave', severity: 'notice', en: 'an old master came back and is turned into a replica of the new master', zh: '旧 master 恢复后被改成新 master 的 replica'},
	{type: '+fix-slave-config', severity: 'notice', en: 'a replica followed the wrong master and is being corrected', zh: '某个 replica 复制了错误的 master，正在纠正'},
	{type: '+reboot', severity: 'notice', en: 'the instance restarted (its run id changed)', zh: '实例重启了（run id 变了）'},
	{type: '+tilt', severity: 'critical', en: 'TILT mode: the clock jumped or the process stalled, so this sentinel stops acting for a while', zh: '进入 TILT 模式：时钟跳变或进程卡顿，哨兵暂停行动一段时间'},
	{type: '-tilt', severity: 'success', en: 'TILT mode is over', zh: '退出 TILT 模式'},
	{type: '+role-change', severity: 'notice', en: 'the instance reports a different role than before', zh: '实例报告的角色与之前不同'},
	{type: '-role-change', severity: 'notice', en: 'the instance\'s role is back to what the sentinel expects', zh: '实例的角色恢复为哨兵预期的角色'},
	{type: '-script-error', severity: 'warning', en: 'a notification or reconfig script failed', zh: '通知脚本或重配置脚本执行出错'},
	{type: '-script-timeout', severity: 'warning', en: 'a notification or reconfig script ran too long and was killed', zh: '通知脚本或重配置脚本运行超时被终止'},
];

const BY_TYPE = new Map(EVENT_CATALOGUE.map((entry) => [entry.type, entry]));

/** The catalogue entry for a type; unknown types get a neutral entry. */
export function meaningOf(type: string): EventMeaning {
	return BY_TYPE.get(type) ?? {type, severity: 'info', en: 'a Sentinel event', zh: '哨兵事件'};
}

export const FAILOVER_PHASES: readonly FailoverPhase[] = ['detect', 'agree', 'elect', 'promote', 'reconfigure', 'done'];

/** Which failover phases the given event types have reached. */
export function phaseProgress(eventTypes: readonly string[]): Array<{phase: FailoverPhase; reached: boolean}> {
	const reached = new Set(eventTypes.filter((type) => type.startsWith('+')).map((type) => BY_TYPE.get(type)?.phase).filter(Boolean));
	return FAILOVER_PHASES.map((phase) => ({phase, reached: reached.has(phase)}));
}
