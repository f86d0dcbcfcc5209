/** What the engine says when something stops a lab: its errors and their hints. */
import {defineMessages} from './index.js';

type Params = Record<string, string | number>;

const hint = defineMessages({
	list: {en: 'Run redis-lab list to see the labs.', zh: '运行 redis-lab list 查看所有实验。'},
	ports: {en: 'Stop what uses it, or pick other ports with --base-port (e.g. --base-port 7379).', zh: '停掉占用它的程序，或用 --base-port 换一组端口（例如 --base-port 7379）。'},
	startDocker: {en: 'Start Docker (Docker Desktop, or dockerd), set DOCKER_HOST to its socket, or use --runtime local with redis-server installed.', zh: '启动 Docker（Docker Desktop 或 dockerd），把 DOCKER_HOST 设为它的 socket，或安装 redis-server 后使用 --runtime local。'},
	restartDocker: {en: 'Is Docker still running? Restart it, then run: redis-lab down', zh: 'Docker 还在运行吗？重启它，然后运行：redis-lab down'},
	dockerLostDown: {en: 'Start Docker again, then remove what is left with: redis-lab down', zh: '重新启动 Docker，再用 redis-lab down 删除遗留的节点'},
	dockerBackDown: {en: 'Once Docker runs again: redis-lab down', zh: '等 Docker 恢复运行后执行：redis-lab down'},
	image: {en: 'Check the network, or pass --image (or REDIS_LAB_IMAGE) naming an image you have (docker images).', zh: '检查网络，或用 --image（或 REDIS_LAB_IMAGE）指定一个本机已有的镜像（见 docker images）。'},
	startDockerOrRedis: {en: 'Start Docker (or set DOCKER_HOST), or install Redis 7 (apt-get install redis-server redis-sentinel redis-tools) and use --runtime local.', zh: '启动 Docker（或设置 DOCKER_HOST），或安装 Redis 7（apt-get install redis-server redis-sentinel redis-tools）后使用 --runtime local。'},
	noRuntimeContext: {en: 'Start Docker (or set DOCKER_HOST / docker context use), or install Redis 7 (apt-get install redis-server redis-sentinel redis-tools) and use --runtime local.', zh: '启动 Docker（或设置 DOCKER_HOST / 执行 docker context use），或安装 Redis 7（apt-get install redis-server redis-sentinel redis-tools）后使用 --runtime local。'},
	noRuntimeWindows: {en: 'Start Docker Desktop (or set DOCKER_HOST); the local runtime needs Linux or macOS.', zh: '启动 Docker Desktop（或设置 DOCKER_HOST）；本机运行时只支持 Linux 和 macOS。'},
	windowsDocker: {en: 'On Windows, start Docker Desktop and use --runtime docker.', zh: '在 Windows 上请启动 Docker Desktop 并使用 --runtime docker。'},
	redisBin: {en: 'Install Redis 7 (apt-get install redis-server redis-sentinel redis-tools, or brew install redis), point --redis-bin at its folder, or use --runtime docker.', zh: '安装 Redis 7（apt-get install redis-server redis-sentinel redis-tools，或 brew install redis），用 --redis-bin 指向它所在的文件夹，或使用 --runtime docker。'},
	installRedis: {en: 'Install Redis 7, point --redis-bin at its folder, or use --runtime docker.', zh: '安装 Redis 7，用 --redis-bin 指向它所在的文件夹，或使用 --runtime docker。'},
	reinstallRedis: {en: 'Reinstall Redis 7, point --redis-bin at a working folder, or use --runtime docker.', zh: '重新安装 Redis 7，用 --redis-bin 指向可用的文件夹，或使用 --runtime docker。'},
	installRedis7: {en: 'Install Redis 7, or use --runtime docker.', zh: '安装 Redis 7，或使用 --runtime docker。'},
	needsDocker: {en: 'Run this lab with --runtime docker.', zh: '请用 --runtime docker 运行这个实验。'},
	exportDocker: {en: 'Export it with --runtime docker.', zh: '请用 --runtime docker 导出它。'},
	leftovers: {en: 'Run redis-lab down, or start with --clean.', zh: '运行 redis-lab down，或加上 --clean 启动。'},
	leftoversOrAuto: {en: 'Remove them with: redis-lab down (or add --clean), or use other ports with --base-port auto.', zh: '用 redis-lab down 删除它们（或加上 --clean），或用 --base-port auto 换一组端口。'},
	otherPorts: {en: 'Pick other names and ports with --base-port (e.g. --base-port 7379).', zh: '用 --base-port 换一组名称和端口（例如 --base-port 7379）。'},
	nameTaken: {en: 'If redis-lab left it, run: redis-lab down. Otherwise pick other names and ports with --base-port (e.g. --base-port 7379).', zh: '如果是 redis-lab 留下的，运行 redis-lab down；否则用 --base-port 换一组名称和端口（例如 --base-port 7379）。'},
	removeSessions: {en: 'Remove sessions you no longer need (redis-lab status, redis-lab down), or pick one with --base-port.', zh: '删除不再需要的会话（redis-lab status、redis-lab down），或用 --base-port 指定端口。'},
	defaultPorts: {en: 'The default is 6379 (master 6379, replicas 6380-6381, sentinels 16379-16381).', zh: '默认是 6379（master 6379，副本 6380-6381，哨兵 16379-16381）。'},
	dockerGroup: {en: 'Add your user to the docker group (then log in again), or use --runtime local.', zh: '把你的用户加入 docker 组（然后重新登录），或使用 --runtime local。'},
	password: {en: 'Pass the lab\'s password with --password.', zh: '用 --password 传入实验的密码。'},
	paused: {en: 'Is the node paused or overloaded?', zh: '这个节点是不是被暂停了或负载过高？'},
	context: {en: 'Pick a working context (docker context use default), or set DOCKER_HOST to the engine\'s socket.', zh: '换一个可用的 context（docker context use default），或把 DOCKER_HOST 设为引擎的 socket。'},
	schemes: {en: 'Use unix://, npipe://, tcp:// or ssh://.', zh: '请使用 unix://、npipe://、tcp:// 或 ssh://。'},
	seeLog: {en: (p: Params) => `See its log: ${p.where}`, zh: (p: Params) => `查看它的日志：${p.where}`},
	nodesHere: {en: (p: Params) => `Nodes here: ${p.names}`, zh: (p: Params) => `这里的节点：${p.names}`},
	moreLabFiles: {en: (p: Params) => `${p.count} more lab file(s) have errors too`, zh: (p: Params) => `另有 ${p.count} 个实验文件也有错误`},
});

const error = defineMessages({
	unbalancedQuote: {en: (p: Params) => `Unbalanced ${p.quote} quote in: ${p.line}`, zh: (p: Params) => `引号 ${p.quote} 没有配对：${p.line}`},
	localNeedsUnix: {en: 'The local runtime needs Linux or macOS', zh: '本机运行时只支持 Linux 和 macOS'},
	binariesMissing: {en: (p: Params) => `${String(p.missing).split(',').join(' and ')} not found ${p.binDir ? `in ${p.binDir}` : 'on PATH'} (apt-get install ${p.packages} / brew install redis)`, zh: (p: Params) => `${p.binDir ? `在 ${p.binDir} 中` : '在 PATH 中'}找不到 ${String(p.missing).split(',').join('、')}（apt-get install ${p.packages} / brew install redis）`},
	binaryBroken: {en: (p: Params) => `${p.path} does not run (${p.name} --version failed)`, zh: (p: Params) => `${p.path} 无法运行（${p.name} --version 失败）`},
	redisTooOld: {en: (p: Params) => `redis-server ${p.version} is too old: the labs need Redis 7`, zh: (p: Params) => `redis-server ${p.version} 太旧：实验需要 Redis 7`},
	serverUnknown: {en: (p: Params) => `an unknown server${p.version ? ` (redis_version ${p.version})` : ''}`, zh: (p: Params) => `未知的服务器${p.version ? `（redis_version ${p.version}）` : ''}`},
	serverNotKnown: {en: (p: Params) => `redis-lab does not know this server (INFO server has neither valkey_version nor redis_version): labs are written for ${p.known}, some checks may fail`, zh: (p: Params) => `redis-lab 不认识这个服务器（INFO server 里既没有 valkey_version 也没有 redis_version）：实验是为 ${p.known} 写的，有些检查可能失败`},
	serverOutsideTable: {en: (p: Params) => `${p.name} is not in redis-lab's support table (${p.known}): some checks may fail`, zh: (p: Params) => `${p.name} 不在 redis-lab 的支持列表里（${p.known}）：有些检查可能失败`},
	binariesMissingAny: {en: (p: Params) => `neither redis-server nor valkey-server found ${p.binDir ? `in ${p.binDir}` : 'on PATH'} (apt-get install ${p.packages} / brew install redis)`, zh: (p: Params) => `${p.binDir ? `在 ${p.binDir} 中` : '在 PATH 中'}既找不到 redis-server 也找不到 valkey-server（apt-get install ${p.packages} / brew install redis）`},
	unknownRuntime: {en: (p: Params) => `Unknown runtime "${p.value}"`, zh: (p: Params) => `未知的运行时 "${p.value}"`},
	noRuntime: {en: (p: Params) => `Neither Docker (tried ${p.tried}) nor redis-server is available`, zh: (p: Params) => `Docker（尝试了 ${p.tried}）和 redis-server 都不可用`},
	imageMissing: {en: (p: Params) => `Image ${p.image} is not here and could not be pulled: ${p.reason}`, zh: (p: Params) => `本机没有镜像 ${p.image}，也无法拉取：${p.reason}`},
	dockerUnreachable: {en: (p: Params) => `Docker is not reachable at ${p.host} (${p.reason})`, zh: (p: Params) => `无法连接 ${p.host} 上的 Docker（${p.reason}）`},
	dockerLost: {en: (p: Params) => `Lost the Docker daemon: ${p.host} stopped answering`, zh: (p: Params) => `与 Docker 守护进程失去联系：${p.host} 不再应答`},
	dockerLostRaw: {en: (p: Params) => `Lost the Docker daemon (${p.reason})`, zh: (p: Params) => `与 Docker 守护进程失去联系（${p.reason}）`},
	dockerGaveUp: {en: 'Gave up removing the nodes without the Docker daemon after 3s', zh: 'Docker 守护进程不在，3 秒后放弃删除节点'},
	socketDenied: {en: (p: Params) => `Permission denied on the Docker socket ${p.socket}`.trim(), zh: (p: Params) => `没有权限访问 Docker socket ${p.socket}`.trim()},
	noPing: {en: (p: Params) => `${p.name} did not answer PING on 127.0.0.1:${p.port}${p.tail ? `: ${p.tail}` : ''}`, zh: (p: Params) => `${p.name} 在 127.0.0.1:${p.port} 上没有回应 PING${p.tail ? `：${p.tail}` : ''}`},
	networkLeftover: {en: (p: Params) => `A redis-lab network (${p.name}) from an earlier session is still there`, zh: (p: Params) => `之前会话的 redis-lab 网络（${p.name}）还在`},
	networkNotOurs: {en: (p: Params) => `A Docker network named ${p.name} exists and is not redis-lab's`, zh: (p: Params) => `已有一个名为 ${p.name} 的 Docker 网络，它不属于 redis-lab`},
	containerNotOurs: {en: (p: Params) => `A container named ${p.name} already exists and is not part of this lab`, zh: (p: Params) => `已有一个名为 ${p.name} 的容器，它不属于这个实验`},
	contextBroken: {en: (p: Params) => `Docker context "${p.name}" ${p.why}`, zh: (p: Params) => `Docker context "${p.name}" 不可用：${p.why}`},
	badDockerHost: {en: (p: Params) => `Docker host "${p.host}" (${p.source}) is not a valid address`, zh: (p: Params) => `Docker 主机 "${p.host}"（${p.source}）不是有效的地址`},
	badDockerScheme: {en: (p: Params) => `Docker host "${p.host}" (${p.source}): unsupported scheme ${p.scheme}`, zh: (p: Params) => `Docker 主机 "${p.host}"（${p.source}）：不支持的协议 ${p.scheme}`},
	portInUse: {en: (p: Params) => `Port ${p.port} is already in use on 127.0.0.1`, zh: (p: Params) => `127.0.0.1 上的端口 ${p.port} 已被占用`},
	noFreeRange: {en: 'No free range of ports was found for a lab', zh: '找不到一段空闲的端口来运行实验'},
	isolationNeedsDocker: {en: 'Network isolation needs the docker runtime', zh: '网络隔离需要 docker 运行时'},
	dockerRunNeedsDocker: {en: 'docker-run needs the docker runtime', zh: 'docker-run 需要 docker 运行时'},
	labNeedsDocker: {en: (p: Params) => `Lab ${p.lab} needs the ${p.runtimes} runtime (it cuts a node off the network)`, zh: (p: Params) => `实验 ${p.lab} 需要 ${p.runtimes} 运行时（它要把一个节点从网络中断开）`},
	exportNeedsDocker: {en: (p: Params) => `Lab ${p.lab} needs the ${p.runtimes} runtime`, zh: (p: Params) => `实验 ${p.lab} 需要 ${p.runtimes} 运行时`},
	unknownNode: {en: (p: Params) => `Unknown node "${p.name}"`, zh: (p: Params) => `未知的节点 "${p.name}"`},
	unknownLab: {en: (p: Params) => `Unknown lab "${p.text}"`, zh: (p: Params) => `未知的实验 "${p.text}"`},
	clientNotStarted: {en: (p: Params) => `Client ${p.id} was not started`, zh: (p: Params) => `客户端 ${p.id} 没有启动`},
	noAgreedMaster: {en: 'The sentinels do not agree on a master yet', zh: '哨兵们还没有就 master 达成一致'},
	setupFailed: {en: (p: Params) => `Setup of ${p.lab} did not reach its starting state: ${p.detail}`, zh: (p: Params) => `${p.lab} 的准备工作没有达到初始状态：${p.detail}`},
	noStep: {en: (p: Params) => `No step ${p.number} in ${p.lab}`, zh: (p: Params) => `${p.lab} 中没有第 ${p.number} 步`},
	waitHealthy: {en: (p: Params) => `the replicas to link up and the sentinels to report status=ok, slaves=${p.slaves}, sentinels=${p.sentinels}`, zh: (p: Params) => `副本完成连接、哨兵报告 status=ok, slaves=${p.slaves}, sentinels=${p.sentinels}`},
	waitLinked: {en: 'the replicas to link up', zh: '副本完成连接'},
	timedOut: {en: (p: Params) => `Timed out after ${p.seconds}s waiting for ${p.what}`, zh: (p: Params) => `等待${p.what}超时（${p.seconds} 秒）`},
	badBasePort: {en: (p: Params) => `Bad --base-port "${p.value}": it must be a whole number from 1024 to ${p.highest}`, zh: (p: Params) => `--base-port "${p.value}" 无效：必须是 1024 到 ${p.highest} 之间的整数`},
	leftoversStill: {en: (p: Params) => `redis-lab nodes from an earlier session are still there: ${p.names}`, zh: (p: Params) => `之前会话的 redis-lab 节点还在：${p.names}`},
	leftoversInTheWay: {en: (p: Params) => `redis-lab nodes from an earlier session are in the way: ${p.names}`, zh: (p: Params) => `之前会话的 redis-lab 节点挡住了去路：${p.names}`},
	redisTimeout: {en: (p: Params) => `Redis at 127.0.0.1:${p.port} did not answer in time`, zh: (p: Params) => `127.0.0.1:${p.port} 上的 Redis 没有及时应答`},
	// What redis-cli prints, word for word, in both languages: the learner compares it with a terminal.
	connectionRefused: {en: (p: Params) => `Could not connect to Redis at 127.0.0.1:${p.port}: Connection refused`, zh: (p: Params) => `Could not connect to Redis at 127.0.0.1:${p.port}: Connection refused`},
});

/** Every engine message by key: `said('noPing', {name, port})`. */
/** Every engine message: render one with t(lang, ENGINE.key) or both(ENGINE.key) for text shown later. */
export const ENGINE = {...hint, ...error};
/** Keys both groups use would hide one of them. */
export const sharedKeys = Object.keys(hint).filter((key) => key in error);
export type EngineMessage = keyof typeof ENGINE;

