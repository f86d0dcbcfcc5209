import type {EventMeaning, FailoverPhase} from './types.js';

/** Every Sentinel event of Redis 7.2: what it means, how loud it is, and its failover phase. */
export const EVENT_CATALOGUE: readonly EventMeaning[] = [
	{type: '+monitor', severity: 'info', en: 'this sentinel starts watching a master', zh: '哨兵开始监控这个主服务器'},
	{type: '-monitor', severity: 'notice', en: 'this sentinel stops watching a master (SENTINEL REMOVE)', zh: '哨兵不再监控这个主服务器（SENTINEL REMOVE）'},
	{type: '+set', severity: 'info', en: 'a monitoring option was changed with SENTINEL SET', zh: '用 SENTINEL SET 修改了一个监控参数'},
	{type: '+reset-master', severity: 'notice', en: 'the master\'s state was reset (SENTINEL RESET): known replicas and sentinels are forgotten and found again', zh: '主服务器的状态被重置（SENTINEL RESET）：已知的从服务器和哨兵被清空，之后重新发现'},
	{type: '+slave', severity: 'info', en: 'a replica of the master is now watched: found in the master\'s INFO, or re-created with the others after each +switch-master (the old master, even if down, is added back this way)', zh: '开始监控主服务器的一个从服务器：在主服务器的 INFO 中发现，或在每次 +switch-master 后与其他从服务器一起重新建立（旧主服务器即使已下线，也以这种方式被重新加入）'},
	{type: '+sentinel', severity: 'info', en: 'another sentinel watching the same master was discovered', zh: '发现了另一个监控同一主服务器的哨兵'},
	{type: '+sentinel-address-switch', severity: 'notice', en: 'a known sentinel (same run id) announced a new address', zh: '一个已知哨兵（run id 相同）宣告了新地址'},
	{type: '+sentinel-address-update', severity: 'notice', en: 'a sentinel\'s new address was copied to the other masters it also watches', zh: '某个哨兵的新地址被同步到它同时监控的其他主服务器记录中'},
	{type: '+sentinel-invalid-addr', severity: 'warning', en: 'another sentinel (different run id) now announces this address: the old entry is dropped', zh: '另一个哨兵（run id 不同）宣告了同一个地址：旧记录被删除'},
	{type: '+sdown', severity: 'warning', phase: 'detect', en: 'this sentinel alone thinks the instance is down (subjectively down): no valid reply for down-after-milliseconds, or a master reporting role:slave for down-after plus two INFO periods (20 s), or a rebooted master not answering PONG within master-reboot-down-after-period', zh: '这个哨兵自己认为实例下线了（主观下线）：超过 down-after-milliseconds 没有有效回复；或者主服务器报告 role:slave 超过 down-after 加两个 INFO 周期（20 秒）；或者重启后的主服务器在 master-reboot-down-after-period 内没有回复 PONG'},
	{type: '-sdown', severity: 'success', en: 'the instance answers again: no longer subjectively down', zh: '实例重新回复了：不再主观下线'},
	{type: '+odown', severity: 'critical', phase: 'agree', en: 'this sentinel counted enough sentinels (the quorum, itself included) that see the master down: objectively down', zh: '这个哨兵数到足够多（达到 quorum，含它自己）的哨兵认为主服务器下线：客观下线'},
	{type: '-odown', severity: 'success', en: 'the master is no longer objectively down', zh: '主服务器不再处于客观下线状态'},
	{type: '+new-epoch', severity: 'notice', phase: 'elect', en: 'the current epoch grew: this sentinel starts, or heard of, a new election round', zh: '当前 epoch 增加：这个哨兵发起了或得知了新一轮选举'},
	{type: '+try-failover', severity: 'notice', phase: 'elect', en: 'the master is objectively down and no failover of it started in the last 2 x failover-timeout: this sentinel bids to lead and asks the others for votes', zh: '主服务器已客观下线，且最近 2 倍 failover-timeout 内没有对它开始过故障转移：这个哨兵申请领头，向其他哨兵拉票'},
	{type: '+vote-for-leader', severity: 'notice', phase: 'elect', en: 'this sentinel voted (once per epoch) for the sentinel that should lead this epoch\'s failover', zh: '这个哨兵为本 epoch 负责故障转移的哨兵投了票（每个 epoch 只投一次）'},
	{type: '+elected-leader', severity: 'notice', phase: 'elect', en: 'this sentinel leads the failover: it got enough votes (a majority of the known sentinels, and at least the quorum), or it was told to with SENTINEL FAILOVER (no vote then)', zh: '这个哨兵主持故障转移：它得到足够的票（已知哨兵的多数，且不少于 quorum），或者是用 SENTINEL FAILOVER 指定的（此时不投票）'},
	{type: '-failover-abort-not-elected', severity: 'warning', phase: 'elect', en: 'not elected within the election timeout (10 s, or failover-timeout if shorter): this sentinel gives up this attempt', zh: '在选举超时（10 秒，或更短的 failover-timeout）内没有当选：这个哨兵放弃本次尝试'},
	{type: '+failover-state-select-slave', severity: 'notice', phase: 'promote', en: 'the leader looks for the best replica to promote', zh: '领头哨兵开始挑选最合适的从服务器'},
	{type: '-failover-abort-no-good-slave', severity: 'critical', phase: 'promote', en: 'no replica is fit to be promoted: failover aborted', zh: '没有可以晋升的从服务器：故障转移中止'},
	{type: '+selected-slave', severity: 'notice', phase: 'promote', en: 'this replica was chosen to become the new master', zh: '选中了这个从服务器作为新的主服务器'},
	{type: '+failover-state-send-slaveof-noone', severity: 'notice', phase: 'promote', en: 'the leader enters the state that sends SLAVEOF NO ONE (with CONFIG REWRITE, in one transaction) to the chosen replica: the command goes out on its next tick', zh: '领头哨兵进入向选中的从服务器发送 SLAVEOF NO ONE（与 CONFIG REWRITE 同在一个事务中）的状态：命令在下一次定时处理时发出'},
	{type: '+failover-state-wait-promotion', severity: 'notice', phase: 'promote', en: 'waiting for the chosen replica to report itself as master', zh: '等待选中的从服务器报告自己已成为主服务器'},
	{type: '-failover-abort-slave-timeout', severity: 'critical', phase: 'promote', en: 'the chosen replica did not become master within failover-timeout: failover aborted', zh: '选中的从服务器没能在 failover-timeout 内成为主服务器：故障转移中止'},
	{type: '+promoted-slave', severity: 'success', phase: 'promote', en: 'the chosen replica now reports role:master', zh: '选中的从服务器已报告 role:master'},
	{type: '+failover-state-reconf-slaves', severity: 'notice', phase: 'reconfigure', en: 'the other replicas are being pointed at the new master, parallel-syncs at a time', zh: '开始让其他从服务器改为复制新的主服务器，每次最多 parallel-syncs 个'},
	{type: '+slave-reconf-sent', severity: 'info', phase: 'reconfigure', en: 'SLAVEOF the new master (with CONFIG REWRITE) was sent to this replica', zh: '已向这个从服务器发送指向新主服务器的 SLAVEOF（附带 CONFIG REWRITE）'},
	{type: '+slave-reconf-inprog', severity: 'info', phase: 'reconfigure', en: 'this replica now reports the new master as its master; its sync is under way', zh: '这个从服务器已报告新主服务器为它的主服务器，正在同步'},
	{type: '+slave-reconf-done', severity: 'success', phase: 'reconfigure', en: 'this replica\'s link to the new master is up: its reconfiguration is done', zh: '这个从服务器与新主服务器的链路已经 up：重新配置完成'},
	{type: '+slave-reconf-sent-be', severity: 'info', phase: 'reconfigure', en: 'failover-timeout ran out: a best-effort SLAVEOF was sent to a replica not yet reconfigured', zh: 'failover-timeout 已到：向一个尚未重新配置的从服务器尽力补发了 SLAVEOF'},
	{type: '-slave-reconf-sent-timeout', severity: 'warning', phase: 'reconfigure', en: 'a replica did not start following the new master within 10 s of SLAVEOF; it is counted as done and fixed later', zh: '某个从服务器在收到 SLAVEOF 后 10 秒内没有开始跟随新主服务器；先按完成处理，之后再纠正'},
	{type: '+failover-end', severity: 'success', phase: 'done', en: 'the failover is finished: every replica that is not down was reconfigured, or failover-timeout ran out (then +failover-end-for-timeout comes first)', zh: '故障转移结束：所有没有下线的从服务器都已重新配置，或者 failover-timeout 已到（此时先出现 +failover-end-for-timeout）'},
	{type: '+failover-end-for-timeout', severity: 'warning', phase: 'done', en: 'failover-timeout ran out before every replica was reconfigured: the failover is ended anyway', zh: '还有从服务器没有重新配置完，failover-timeout 已到：故障转移仍然结束'},
	{type: '+switch-master', severity: 'success', phase: 'done', en: 'the master changed: clients must now use the new address', zh: '主服务器已切换：客户端现在应使用新地址'},
	{type: '+config-update-from', severity: 'notice', phase: 'done', en: 'this sentinel adopts a newer configuration (higher config epoch) heard from another sentinel, usually the leader', zh: '这个哨兵采用从另一个哨兵（通常是领头哨兵）那里听到的更新配置（config epoch 更大）'},
	{type: '+convert-to-slave', severity: 'notice', en: 'an instance the sentinels list as a replica reports itself master (e.g. an old master back): they send it SLAVEOF the current master', zh: '哨兵记录为从服务器的实例自称主服务器（例如恢复的旧主服务器）：哨兵向它发送指向当前主服务器的 SLAVEOF'},
	{type: '+fix-slave-config', severity: 'notice', en: 'a replica follows another address than the current master: once it has been up with that setting for failover-timeout, and the master looks sane, the sentinel sends it SLAVEOF the right one', zh: '某个从服务器复制的不是当前主服务器：它以这个设置在线满 failover-timeout、且主服务器看起来正常之后，哨兵向它发送指向正确地址的 SLAVEOF'},
	{type: '+reboot', severity: 'notice', en: 'the instance restarted (its run id changed)', zh: '实例重启了（run id 变了）'},
	{type: '+tilt', severity: 'critical', en: 'TILT mode: the clock jumped or the process stalled, so this sentinel stops acting for a while', zh: '进入 TILT 模式：时钟跳变或进程卡顿，哨兵暂停行动一段时间'},
	{type: '-tilt', severity: 'success', en: 'TILT mode is over', zh: '退出 TILT 模式'},
	{type: '+role-change', severity: 'notice', en: 'the instance reports a new role that agrees with this sentinel\'s configuration (logged at verbose level: in Pub/Sub, not in a log file at loglevel notice)', zh: '实例报告了新角色，与这个哨兵的配置一致（verbose 级别：出现在 Pub/Sub 中，loglevel 为 notice 时不写入日志文件）'},
	{type: '-role-change', severity: 'notice', en: 'the instance reports a new role that disagrees with this sentinel\'s configuration (e.g. an old master booting as master; verbose level: in Pub/Sub, not in a log file at loglevel notice)', zh: '实例报告了新角色，与这个哨兵的配置不一致（例如旧主服务器以主服务器身份启动；verbose 级别：出现在 Pub/Sub 中，loglevel 为 notice 时不写入日志文件）'},
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
