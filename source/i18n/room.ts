/** What the workshop room says (learner's header, `run`, the host's screen and `room` command), in English and Chinese. */
import {defineMessages} from './index.js';

type Params = Record<string, string | number>;

export const ROOM = defineMessages({
	badUrl: {en: (p: Params) => `Not a room address: ${p.value}`, zh: (p: Params) => `不是房间地址：${p.value}`},
	badUrlHint: {en: 'A room looks like redis://:PASSWORD@HOST:PORT/ROOMID (rediss:// for TLS); the host prints it with redis-lab room serve.', zh: '房间地址的形式是 redis://:密码@主机:端口/房间ID（TLS 用 rediss://）；主持人运行 redis-lab room serve 会打印出来。'},
	badRoomId: {en: (p: Params) => `The room id "${p.value}" must be 1-40 letters, digits, - or _`, zh: (p: Params) => `房间 ID“${p.value}”必须是 1-40 个字母、数字、- 或 _`},
	badName: {en: (p: Params) => `The name "${p.value}" must be 1-40 characters, with no control characters`, zh: (p: Params) => `名字“${p.value}”必须是 1-40 个字符，且不含控制字符`},
	badStuck: {en: (p: Params) => `--stuck needs minutes above 0 (got ${p.value})`, zh: (p: Params) => `--stuck 需要大于 0 的分钟数（收到 ${p.value}）`},
	badPort: {en: (p: Params) => `--port needs a port number 1-65535 (got ${p.value})`, zh: (p: Params) => `--port 需要 1-65535 的端口号（收到 ${p.value}）`},
	portHint: {en: 'Pick another port with --port (or close the room already open: redis-lab room serve --stop).', zh: '用 --port 换一个端口（或先关闭已开的房间：redis-lab room serve --stop）。'},
	badAction: {en: (p: Params) => `Unknown room action "${p.value}": use redis-lab room serve, or redis-lab room`, zh: (p: Params) => `未知的房间操作“${p.value}”：请用 redis-lab room serve 或 redis-lab room`},
	noRoom: {en: 'Which room? Pass --room redis://:PASSWORD@HOST:PORT/ROOMID (or set REDIS_LAB_ROOM), or start one with redis-lab room serve', zh: '哪个房间？请用 --room redis://:密码@主机:端口/房间ID（或设置 REDIS_LAB_ROOM），或先运行 redis-lab room serve 开一个'},
	// The learner's side.
	joined: {en: (p: Params) => `room ${p.room}`, zh: (p: Params) => `房间 ${p.room}`},
	connecting: {en: (p: Params) => `room ${p.room}: connecting to ${p.at}…`, zh: (p: Params) => `房间 ${p.room}：正在连接 ${p.at}…`},
	unreachable: {en: (p: Params) => `room ${p.room} unreachable at ${p.at} (${p.reason}): the lab goes on; retrying`, zh: (p: Params) => `房间 ${p.room} 连不上（${p.at}，${p.reason}）：实验照常进行，正在重试`},
	refused: {en: (p: Params) => `room ${p.room} at ${p.at}: wrong password; the lab goes on without the room`, zh: (p: Params) => `房间 ${p.room}（${p.at}）：密码不对；实验照常进行，但不在房间里`},
	joinedAs: {en: (p: Params) => `Room ${p.room} at ${p.at}: publishing your progress as ${p.name} (lab, step, checks; never your console commands).`, zh: (p: Params) => `房间 ${p.room}（${p.at}）：以 ${p.name} 的名字发布你的进度（实验、步骤、检查；从不发布你在控制台输入的命令）。`},
	// The host's side.
	served: {en: (p: Params) => `Room ${p.room} is open on ${p.at} (${p.runtime}). Attendees join with:`, zh: (p: Params) => `房间 ${p.room} 已在 ${p.at} 开放（${p.runtime}）。学员用这条命令加入：`},
	servedWatch: {en: 'Watch it with: redis-lab room   ·   close it with: redis-lab room serve --stop', zh: '查看房间：redis-lab room   ·   关闭房间：redis-lab room serve --stop'},
	servedAlready: {en: (p: Params) => `A room is already open (${p.room} on ${p.at}); its join line:`, zh: (p: Params) => `已经有一个房间开着（${p.room}，${p.at}）；加入命令：`},
	bindAny: {en: (p: Params) => `It listens on every address of this machine: replace HOST with this machine's address on the workshop network${p.addresses ? ` (here: ${p.addresses})` : ''}. Anyone who reaches the port needs the password; there is no TLS.`, zh: (p: Params) => `它监听本机的所有地址：请把 HOST 换成本机在研讨会网络上的地址${p.addresses ? `（本机：${p.addresses}）` : ''}。能访问这个端口的人还需要密码；没有 TLS。`},
	bindOther: {en: (p: Params) => `It listens on ${p.bind}: attendees reach this machine there. Anyone who reaches the port needs the password; there is no TLS.`, zh: (p: Params) => `它监听 ${p.bind}：学员通过这个地址访问本机。能访问这个端口的人还需要密码；没有 TLS。`},
	bindLoopback: {en: 'It listens on 127.0.0.1 only: attendees on this machine can join; for a workshop on a network, serve with --bind and the host\'s own address (e.g. --bind 0.0.0.0).', zh: '它只监听 127.0.0.1：只有这台机器上的学员能加入；如果研讨会在网络上进行，请用 --bind 加上本机地址（例如 --bind 0.0.0.0）。'},
	stopped: {en: (p: Params) => `Room ${p.room} closed (${p.what} removed).`, zh: (p: Params) => `房间 ${p.room} 已关闭（已删除 ${p.what}）。`},
	noneServed: {en: 'No room served from here is open.', zh: '这里没有开着的房间。'},
	serveFailed: {en: (p: Params) => `The room server did not start: ${p.reason}`, zh: (p: Params) => `房间服务器没有启动：${p.reason}`},
	exported: {en: (p: Params) => `Wrote ${p.count} learners to ${p.file}.`, zh: (p: Params) => `已把 ${p.count} 位学员写入 ${p.file}。`},
	hostUnreachable: {en: (p: Params) => `room ${p.room} at ${p.at}: ${p.reason}`, zh: (p: Params) => `房间 ${p.room}（${p.at}）：${p.reason}`},
	// The host's screen.
	screenHeader: {en: (p: Params) => `redis-lab room ${p.room} · ${p.at} · ${p.count} learners · stuck after ${p.stuck}`, zh: (p: Params) => `redis-lab 房间 ${p.room} · ${p.at} · ${p.count} 位学员 · 超过 ${p.stuck}算卡住`},
	screenEmpty: {en: 'Nobody has joined yet. Attendees join with the line redis-lab room serve printed.', zh: '还没有人加入。学员用 redis-lab room serve 打印的命令加入。'},
	screenColumns: {en: 'name              lab                   step   state     checks  on step  needs help', zh: '名字              实验                  步骤   状态      检查    本步用时  需要帮助'},
	screenKeys: {en: '↑↓ scroll · q quit', zh: '↑↓ 滚动 · q 退出'},
	labSummary: {en: (p: Params) => `${p.lab}: ${p.count} on it · ${p.finished} finished · median ${p.median} per step`, zh: (p: Params) => `${p.lab}：${p.count} 人在做 · ${p.finished} 人完成 · 每步中位用时 ${p.median}`},
	reasonStuck: {en: (p: Params) => `stuck ${p.minutes} min`, zh: (p: Params) => `卡住 ${p.minutes} 分钟`},
	reasonFailing: {en: (p: Params) => `same check failed ${p.count}x`, zh: (p: Params) => `同一检查失败 ${p.count} 次`},
	reasonNodesDown: {en: (p: Params) => `down: ${p.nodes}`, zh: (p: Params) => `宕机：${p.nodes}`},
	reasonQuiet: {en: (p: Params) => `quiet ${p.seconds}s`, zh: (p: Params) => `${p.seconds} 秒无消息`},
	stateMenu: {en: 'in menu', zh: '在菜单'},
	stateFinished: {en: 'finished', zh: '已完成'},
	stateLeft: {en: 'left', zh: '已离开'},
});
