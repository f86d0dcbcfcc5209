/**
 * Where Redis emits each Sentinel event: the file, the function that calls `sentinelEvent` with
 * that type, and the condition under which it does, in English and Chinese.
 *
 * Checked against Redis 7.2.6 `src/sentinel.c` (read, not copied: only the names of functions,
 * constants and config options appear here). The same functions and conditions hold in 7.0.15 and
 * Valkey 8.0.1 except where labs/README.md lists a difference.
 */

/** A place in the server's source and what it backs (the shape of a lab step's `sources` entry). */
export interface SourcePlace {
	file: string;
	symbol: string;
	backs: {en: string; zh: string};
}

/** Every place an event type is emitted, with the condition, one entry per call site that differs. */
export interface EventSource {
	type: string;
	places: readonly SourcePlace[];
}

const SENTINEL_C = 'src/sentinel.c';
const at = (symbol: string, en: string, zh: string): SourcePlace => ({file: SENTINEL_C, symbol, backs: {en, zh}});

export const EVENT_SOURCES: readonly EventSource[] = [
	{type: '+monitor', places: [
		at('sentinelGenerateInitialMonitorEvents', 'at startup, once for every master named by a sentinel monitor line of the config file', '启动时，配置文件中每条 sentinel monitor 所监控的主服务器各发一次'),
		at('sentinelCommand', 'SENTINEL MONITOR added a master at run time', '运行时用 SENTINEL MONITOR 添加了一个主服务器'),
	]},
	{type: '-monitor', places: [at('sentinelCommand', 'SENTINEL REMOVE <name>: the master is forgotten and the config flushed', 'SENTINEL REMOVE <name>：忘掉这个主服务器并写回配置文件')]},
	{type: '+set', places: [at('sentinelSetCommand', 'once for each option SENTINEL SET changed (a password is shown as ******)', 'SENTINEL SET 每修改一个参数发一次（密码显示为 ******）')]},
	{type: '+reset-master', places: [at('sentinelResetMaster', 'SENTINEL RESET <pattern> reset a matching master; the reset done when the master address switches does not emit it', 'SENTINEL RESET <pattern> 重置了匹配的主服务器；切换主服务器地址时内部做的重置不发这个事件')]},
	{type: '+slave', places: [
		at('sentinelRefreshInstanceInfo', 'the master\'s INFO lists a slaveN line whose address this sentinel does not know yet', '主服务器的 INFO 中出现了一行 slaveN，其地址是这个哨兵还不知道的'),
		at('sentinelResetMasterAndChangeAddress', 'after each master switch: every known replica except the new master, and the old master\'s address, are created again as replicas (the old master too, even while it is down)', '每次切换主服务器之后：除新主服务器外的每个已知从服务器，以及旧主服务器的地址，都被重新创建为从服务器（旧主服务器即使仍宕机也一样）'),
	]},
	{type: '+sentinel', places: [at('sentinelProcessHelloMessage', 'a hello message from a sentinel whose address and run id are both new for this master', '收到一条 hello 消息，发送它的哨兵的地址和 run id 对这个主服务器来说都是新的')]},
	{type: '+sentinel-address-switch', places: [at('sentinelProcessHelloMessage', 'a hello from a known run id at a new address: the old entry is removed and the sentinel added back at the new one', '一个已知 run id 的哨兵从新地址发来 hello：旧记录被删除，按新地址重新加入')]},
	{type: '+sentinel-address-update', places: [at('sentinelUpdateSentinelAddressInAllMasters', 'after an address switch, entries of the same run id under other masters took the new address (emitted only if at least one did)', '地址切换之后，其他主服务器下同一 run id 的记录也改用新地址（至少改了一条才发）')]},
	{type: '+sentinel-invalid-addr', places: [at('sentinelProcessHelloMessage', 'a hello from a new run id at an address another sentinel entry holds: that entry is removed under every master', '一个新 run id 的哨兵宣告了另一条哨兵记录占用的地址：那条记录在所有主服务器下被删除')]},
	{type: '+sdown', places: [at('sentinelCheckSubjectivelyDown', 'no acceptable reply to PING (PONG, -LOADING or -MASTERDOWN) for longer than down-after-milliseconds; or a master reporting role:slave for longer than down-after-milliseconds + 2 x the INFO period (2 x 10 s); or a rebooted master still not answering PONG after master-reboot-down-after-period', '超过 down-after-milliseconds 没有收到可接受的 PING 回复（PONG、-LOADING 或 -MASTERDOWN）；或者主服务器报告 role:slave 超过 down-after-milliseconds + 2 倍 INFO 周期（2 × 10 秒）；或者重启后的主服务器在 master-reboot-down-after-period 之后仍未回复 PONG')]},
	{type: '-sdown', places: [at('sentinelCheckSubjectivelyDown', 'none of the +sdown conditions holds any more', '+sdown 的条件都不再成立')]},
	{type: '+odown', places: [at('sentinelCheckObjectivelyDown', 'the master is SDOWN for this sentinel, and this sentinel plus the sentinels whose last is-master-down-by-addr reply (at most 5 s old) said "down" reach the quorum; each sentinel decides this for itself', '这个哨兵认为主服务器主观下线，且它自己加上最近一次（5 秒内）SENTINEL is-master-down-by-addr 回复为"下线"的哨兵达到 quorum；每个哨兵各自判断')]},
	{type: '-odown', places: [at('sentinelCheckObjectivelyDown', 'the master is no longer SDOWN for this sentinel, or the count fell below the quorum', '这个哨兵不再认为主服务器主观下线，或者计数低于 quorum')]},
	{type: '+new-epoch', places: [
		at('sentinelStartFailover', 'this sentinel starts a failover attempt: its current epoch goes up by one and becomes the failover epoch', '这个哨兵发起故障转移尝试：当前纪元加一，作为本次故障转移的纪元'),
		at('sentinelVoteLeader', 'a vote request carries an epoch greater than this sentinel\'s current epoch', '收到的拉票请求带的纪元大于这个哨兵的当前纪元'),
		at('sentinelProcessHelloMessage', 'a hello message carries a current epoch greater than this sentinel\'s', '收到的 hello 消息带的当前纪元大于这个哨兵的'),
	]},
	{type: '+try-failover', places: [at('sentinelStartFailover', 'called by sentinelStartFailoverIfNeeded when the master is ODOWN, no failover of it is in progress, and none was started (nor a vote given to another sentinel) in the last 2 x failover-timeout; or by SENTINEL FAILOVER. No votes are needed to try', '由 sentinelStartFailoverIfNeeded 调用：主服务器客观下线、没有进行中的故障转移、且最近 2 倍 failover-timeout 内没有发起过（也没有投票给别的哨兵）；或由 SENTINEL FAILOVER 调用。发起尝试不需要任何选票')]},
	{type: '+vote-for-leader', places: [at('sentinelVoteLeader', 'a vote was asked (by is-master-down-by-addr with a run id, or by this sentinel\'s own sentinelGetLeader) for an epoch it has not voted in yet and not older than its current epoch: first come, first served', '有人为一个它还没投过票、且不早于当前纪元的纪元拉票（通过带 run id 的 is-master-down-by-addr，或它自己的 sentinelGetLeader）：先到先得')]},
	{type: '+elected-leader', places: [at('sentinelFailoverWaitStart', 'sentinelGetLeader names this sentinel: the most votes in this epoch, at least voters/2+1 (voters: the sentinels it knows plus itself) and at least the quorum; or, with no vote at all, a failover forced by SENTINEL FAILOVER', 'sentinelGetLeader 选出的是这个哨兵：本纪元票数最多、至少 voters/2+1（voters 为它知道的哨兵加上它自己）且不少于 quorum；或者是 SENTINEL FAILOVER 强制的故障转移，不经投票')]},
	{type: '-failover-abort-not-elected', places: [at('sentinelFailoverWaitStart', 'not the leader, not forced, and more than min(10 s, failover-timeout) since the failover start time', '不是领头哨兵、也不是强制故障转移，且距故障转移开始时间已超过 min(10 秒, failover-timeout)')]},
	{type: '+failover-state-select-slave', places: [at('sentinelFailoverWaitStart', 'right after +elected-leader: the state machine moves to selecting a replica', '紧接 +elected-leader：状态机进入挑选从服务器的状态')]},
	{type: '-failover-abort-no-good-slave', places: [at('sentinelFailoverSelectSlave', 'sentinelSelectSlave found no replica that passes its filters', 'sentinelSelectSlave 没有找到通过筛选的从服务器')]},
	{type: '+selected-slave', places: [at('sentinelFailoverSelectSlave', 'sentinelSelectSlave kept the replicas not SDOWN/ODOWN, connected, heard from within 5 s, with priority above 0, fresh INFO and a master link not down too long, then took the lowest priority, then the greatest processed offset (slave_repl_offset), then the smallest run id', 'sentinelSelectSlave 先留下未主观/客观下线、已连接、5 秒内有回复、优先级不为 0、INFO 不过期、与主服务器断开不太久的从服务器，再取优先级最小、已处理偏移量（slave_repl_offset）最大、run id 最小的那个')]},
	{type: '+failover-state-send-slaveof-noone', places: [at('sentinelFailoverSelectSlave', 'right after +selected-slave: the state machine enters the send-SLAVEOF-NO-ONE state; the command goes out on a later tick (sentinelFailoverSendSlaveOfNoOne)', '紧接 +selected-slave：状态机进入发送 SLAVEOF NO ONE 的状态；命令在之后的定时周期里才发出（sentinelFailoverSendSlaveOfNoOne）')]},
	{type: '+failover-state-wait-promotion', places: [at('sentinelFailoverSendSlaveOfNoOne', 'the transaction MULTI, SLAVEOF NO ONE, CONFIG REWRITE, CLIENT KILL TYPE normal and pubsub, EXEC was queued to the chosen replica (sentinelSendSlaveOf)', '已向选中的从服务器排队发送事务 MULTI、SLAVEOF NO ONE、CONFIG REWRITE、CLIENT KILL TYPE normal 和 pubsub、EXEC（sentinelSendSlaveOf）')]},
	{type: '-failover-abort-slave-timeout', places: [
		at('sentinelFailoverSendSlaveOfNoOne', 'the chosen replica stayed disconnected for longer than failover-timeout', '选中的从服务器断开连接超过 failover-timeout'),
		at('sentinelFailoverWaitPromotion', 'the chosen replica did not report role:master within failover-timeout', '选中的从服务器在 failover-timeout 内没有报告 role:master'),
	]},
	{type: '+promoted-slave', places: [at('sentinelRefreshInstanceInfo', 'the INFO of the replica this leader chose reports role:master while it waits for the promotion: the master\'s config epoch becomes the failover epoch', '等待晋升期间，这个领头哨兵选中的从服务器的 INFO 报告 role:master：主服务器的配置纪元被设为本次故障转移的纪元')]},
	{type: '+failover-state-reconf-slaves', places: [at('sentinelRefreshInstanceInfo', 'right after +promoted-slave: from here on GET-MASTER-ADDR-BY-NAME on this sentinel answers the promoted replica (sentinelGetCurrentMasterAddress)', '紧接 +promoted-slave：从这时起，这个哨兵的 GET-MASTER-ADDR-BY-NAME 返回晋升的从服务器（sentinelGetCurrentMasterAddress）')]},
	{type: '+slave-reconf-sent', places: [at('sentinelFailoverReconfNextSlave', 'SLAVEOF the promoted replica (with CONFIG REWRITE) was queued to a connected replica, while fewer than parallel-syncs were in progress', '在进行中的少于 parallel-syncs 个时，向一个已连接的从服务器排队发送了指向晋升者的 SLAVEOF（附带 CONFIG REWRITE）')]},
	{type: '+slave-reconf-inprog', places: [at('sentinelRefreshInstanceInfo', 'a replica that was sent SLAVEOF reports the promoted replica\'s host and port as master_host/master_port', '已收到 SLAVEOF 的从服务器在 master_host/master_port 中报告了晋升者的地址')]},
	{type: '+slave-reconf-done', places: [at('sentinelRefreshInstanceInfo', 'a replica in progress reports master_link_status:up', '正在重新配置的从服务器报告 master_link_status:up')]},
	{type: '+slave-reconf-sent-be', places: [at('sentinelFailoverDetectEnd', 'failover-timeout ran out in the reconfigure state: a best-effort SLAVEOF to each connected replica not promoted, done or already sent', '重新配置阶段 failover-timeout 已到：向每个已连接、未晋升、未完成、也未发送过的从服务器尽力补发 SLAVEOF')]},
	{type: '-slave-reconf-sent-timeout', places: [at('sentinelFailoverReconfNextSlave', 'SLAVEOF was sent more than 10 s ago (sentinel_slave_reconf_timeout) and the replica has not moved on: it is counted as done', 'SLAVEOF 已发出超过 10 秒（sentinel_slave_reconf_timeout），从服务器仍没有进展：按完成计')]},
	{type: '+failover-end', places: [at('sentinelFailoverDetectEnd', 'the promoted replica is not SDOWN and every replica not SDOWN is promoted or done (or the timeout ended it)', '晋升者没有主观下线，且每个未主观下线的从服务器都已晋升或完成（或因超时而结束）')]},
	{type: '+failover-end-for-timeout', places: [at('sentinelFailoverDetectEnd', 'more than failover-timeout since the reconfigure state began', '进入重新配置阶段已超过 failover-timeout')]},
	{type: '+switch-master', places: [
		at('sentinelFailoverSwitchToPromotedSlave', 'the leader, after +failover-end: the master entry takes the promoted replica\'s address', '领头哨兵在 +failover-end 之后：主服务器记录改用晋升者的地址'),
		at('sentinelProcessHelloMessage', 'any other sentinel: a hello carries a greater config epoch for this master with another address', '其他哨兵：收到的 hello 中这个主服务器的配置纪元更大，且地址不同'),
	]},
	{type: '+config-update-from', places: [at('sentinelProcessHelloMessage', 'a hello from a known sentinel carries a greater config epoch for this master and another address; +switch-master follows', '一个已知哨兵的 hello 中这个主服务器的配置纪元更大且地址不同；随后发 +switch-master')]},
	{type: '+convert-to-slave', places: [at('sentinelRefreshInstanceInfo', 'an instance listed as a replica (and not the one being promoted) reports role:master, the master looks sane, and its role change and last down state are over 4 x the hello period (8 s) old: SLAVEOF the current master is sent', '记录为从服务器（且不是正在晋升的那个）的实例报告 role:master，主服务器看起来正常，且它的角色变化和上次下线都已超过 4 倍 hello 周期（8 秒）：发送指向当前主服务器的 SLAVEOF')]},
	{type: '+fix-slave-config', places: [at('sentinelRefreshInstanceInfo', 'a replica reports another master_host/master_port than the current master, the master looks sane (sentinelMasterLooksSane), and neither a down state nor a change of the replica\'s reported master in the last failover-timeout', '从服务器报告的 master_host/master_port 不是当前主服务器，主服务器看起来正常（sentinelMasterLooksSane），且最近 failover-timeout 内该从服务器既没有下线、报告的主服务器也没有变化')]},
	{type: '+reboot', places: [at('sentinelRefreshInstanceInfo', 'INFO shows a run_id other than the one recorded for the instance', 'INFO 中的 run_id 与记录的不同')]},
	{type: '+tilt', places: [at('sentinelCheckTiltCondition', 'the time between two timer calls was negative or more than 2 s (sentinel_tilt_trigger)', '两次定时器调用之间的时间为负或超过 2 秒（sentinel_tilt_trigger）')]},
	{type: '-tilt', places: [at('sentinelHandleRedisInstance', '30 s (sentinel_tilt_period) after TILT began', '进入 TILT 30 秒（sentinel_tilt_period）之后')]},
	{type: '+role-change', places: [at('sentinelRefreshInstanceInfo', 'INFO reports another role than last time, one that matches how this sentinel lists the instance; logged at verbose level, so it reaches Pub/Sub but not the log file under the default loglevel notice', 'INFO 报告的角色与上次不同，且与这个哨兵对实例的记录一致；以 verbose 级别记录，所以在默认 loglevel notice 下只出现在 Pub/Sub，不进日志文件')]},
	{type: '-role-change', places: [at('sentinelRefreshInstanceInfo', 'INFO reports another role than last time, one that does not match how this sentinel lists the instance; verbose level, like +role-change', 'INFO 报告的角色与上次不同，且与这个哨兵对实例的记录不一致；与 +role-change 一样是 verbose 级别')]},
	{type: '-script-error', places: [
		at('sentinelRunPendingScripts', 'fork() failed for a notification or reconfig script (reported as signal 99)', '为通知或重配置脚本 fork() 失败（按信号 99 报告）'),
		at('sentinelCollectTerminatedScripts', 'a script ended by a signal or with a non-zero exit code and will not be retried', '脚本被信号终止或以非零退出码结束，且不再重试'),
	]},
	{type: '-script-timeout', places: [at('sentinelKillTimedoutScripts', 'a script ran longer than 60 s (sentinel_script_max_runtime): it is killed with SIGKILL', '脚本运行超过 60 秒（sentinel_script_max_runtime）：用 SIGKILL 终止')]},
];

const BY_TYPE = new Map(EVENT_SOURCES.map((entry) => [entry.type, entry.places]));

/** Where Redis emits `type`, every call site; empty for a type it does not know. */
export function sourcesOfEvent(type: string): readonly SourcePlace[] {
	return BY_TYPE.get(type) ?? [];
}
