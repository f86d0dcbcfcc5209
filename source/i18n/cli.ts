/** What the command line says: help, table headers, and the errors and hints it writes itself. */
import {defineMessages} from './index.js';

type Params = Record<string, string | number>;

export const cliMessages = defineMessages({
	// The program and its commands.
	program: {en: 'learn Redis replication and Sentinel by running them for real', zh: '亲手运行真实的服务器，学习 Redis 主从复制与 Sentinel'},
	commandStart: {en: 'open the interactive app: the lab menu, or one lab (the default command)', zh: '打开交互界面：实验菜单，或直接打开某个实验（默认命令）'},
	commandList: {en: 'list the labs', zh: '列出所有实验'},
	commandRun: {en: 'run a lab headless, printing every command and check', zh: '无界面运行实验，打印每条命令和每项检查'},
	commandExport: {en: 'print a lab as a bash script of docker / redis-cli commands', zh: '把实验导出为由 docker / redis-cli 命令组成的 bash 脚本'},
	commandUp: {en: 'start master, replica1, replica2 and the sentinels, and leave them running', zh: '启动 master、replica1、replica2 和哨兵，并让它们保持运行'},
	commandStatus: {en: 'show every redis-lab node, by session and owner', zh: '按会话和所属用户显示所有 redis-lab 节点'},
	commandDown: {en: 'remove your redis-lab containers, networks and processes (nothing else; --all: everyone\'s)', zh: '删除你的 redis-lab 容器、网络和进程（不动其他东西；--all：所有人的）'},
	commandDoctor: {en: 'check that a lab can start here: Docker, image, ports, redis binaries, terminal, leftovers', zh: '检查这里能否启动实验：Docker、镜像、端口、redis 程序、终端、遗留节点'},
	commandLint: {en: 'check every lab file of a folder (default: the labs that come with redis-lab)', zh: '检查某个文件夹中的每个实验文件（默认：redis-lab 自带的实验）'},
	commandHelp: {en: 'show the help of a command', zh: '显示某个命令的帮助'},
	argumentLab: {en: 'lab id or number (see redis-lab list)', zh: '实验的 id 或编号（见 redis-lab list）'},
	argumentRunLab: {en: 'lab id or number, or "all" for every lab in turn', zh: '实验的 id 或编号，或用 "all" 依次运行所有实验'},
	argumentDir: {en: 'folder of lab files, or one lab file', zh: '实验文件所在的文件夹，或单个实验文件'},
	argumentCommand: {en: 'the command', zh: '命令'},

	// Options.
	optionRuntime: {en: 'where nodes run (default: docker if it answers, else local redis-server)', zh: '节点在哪里运行（默认：Docker 可用时用 docker，否则用本机 redis-server）'},
	optionImage: {en: 'Docker image (default redis:7.2, or $REDIS_LAB_IMAGE)', zh: 'Docker 镜像（默认 redis:7.2，或 $REDIS_LAB_IMAGE）'},
	optionBasePort: {en: 'shift every port (master 6379, replicas 6380-6381, sentinels 16379-16381), or auto: a free range (also when 6379 is taken)', zh: '平移所有端口（master 6379，副本 6380-6381，哨兵 16379-16381），或 auto：空闲端口段（6379 被占用时也自动选）'},
	optionPassword: {en: 'protect every node with requirepass / masterauth / sentinel auth-pass', zh: '用 requirepass / masterauth / sentinel auth-pass 保护所有节点'},
	optionRedisBin: {en: 'folder of redis-server, redis-sentinel and redis-cli (local runtime)', zh: 'redis-server、redis-sentinel 和 redis-cli 所在的文件夹（本机运行时）'},
	optionSentinels: {en: 'how many sentinels to start: 2 or 3', zh: '启动几个哨兵：2 或 3'},
	optionDownAfter: {en: "sentinels' down-after-milliseconds (at least 1000)", zh: '哨兵的 down-after-milliseconds（至少 1000）'},
	optionFrom: {en: 'start at this step (number or id): the steps before it are replayed first', zh: '从这一步开始（编号或 id）：先重放它之前的步骤'},
	runCatchUp: {en: (p: Params) => `Catching up to step ${p.number}: replaying the steps before it`, zh: (p: Params) => `追赶到第 ${p.number} 步：重放它之前的步骤`},
	badFrom: {en: (p: Params) => `No step "${p.value}" in ${p.lab} (it has ${p.count} steps)`, zh: (p: Params) => `${p.lab} 中没有步骤“${p.value}”（共 ${p.count} 步）`},
	optionRecord: {en: 'record the screen to an asciicast v2 file, with a marker at every step', zh: '把屏幕录制为 asciicast v2 文件，每一步都有标记'},
	optionIdleLimit: {en: 'in the recording, shorten pauses longer than this many seconds (default 2)', zh: '录制时把超过这么多秒的停顿缩短（默认 2）'},
	optionAutoplay: {en: 'play the lab by itself: type each command, run it, wait on its checks, move on', zh: '自动演示：逐字输入每条命令、执行、等待检查通过，再进入下一步'},
	optionPace: {en: 'autoplay speed: slow, normal or fast', zh: '自动演示的速度：slow、normal 或 fast'},
	optionDemo: {en: 'hide what changes from run to run (ids, container addresses, clock times)', zh: '隐藏每次运行都会变化的内容（id、容器地址、时钟时间）'},
	badIdleLimit: {en: (p: Params) => `Bad --idle-limit "${p.value}": it must be a number of seconds above 0`, zh: (p: Params) => `--idle-limit "${p.value}" 无效：必须是大于 0 的秒数`},
	badPace: {en: (p: Params) => `Unknown pace "${p.value}": use slow, normal or fast`, zh: (p: Params) => `未知的速度“${p.value}”：请用 slow、normal 或 fast`},
	autoplayNeedsLab: {en: '--autoplay needs a lab: redis-lab start <lab> --autoplay', zh: '--autoplay 需要指定实验：redis-lab start <lab> --autoplay'},
	optionClean: {en: 'remove leftovers of an earlier session first', zh: '先删除之前会话遗留的节点'},
	optionKeep: {en: 'leave the nodes running at the end', zh: '结束时保留节点继续运行'},
	optionLang: {en: 'language: en or zh (remembered; default: your locale)', zh: '语言：en 或 zh（会被记住；默认跟随系统语言环境）'},
	optionReset: {en: 'forget saved lab progress', zh: '清除已保存的实验进度'},
	optionDebug: {en: 'show stack traces', zh: '显示错误的调用栈'},
	optionSession: {en: 'only this session (any owner; ids as redis-lab status shows them)', zh: '只处理这个会话（不论属于谁；会话 id 见 redis-lab status）'},
	optionAll: {en: 'every session of every user on this Docker host', zh: '这台 Docker 主机上所有用户的所有会话'},
	optionHelp: {en: 'show this help', zh: '显示本帮助'},
	optionVersion: {en: 'show the version', zh: '显示版本号'},

	// Help headings (commander's, by their English text).
	'Usage:': {en: 'Usage:', zh: '用法：'},
	'Options:': {en: 'Options:', zh: '选项：'},
	'Commands:': {en: 'Commands:', zh: '命令：'},
	'Arguments:': {en: 'Arguments:', zh: '参数：'},
	'Global Options:': {en: 'Global Options:', zh: '全局选项：'},

	// The list of labs.
	listNumber: {en: '#', zh: '#'},
	listId: {en: 'ID', zh: 'ID'},
	listTitle: {en: 'TITLE', zh: '标题'},
	listMinutes: {en: 'MIN', zh: '分钟'},
	listRuntimes: {en: 'RUNTIMES', zh: '运行时'},

	// A headless run.
	runSetup: {en: 'Setup: building the starting state', zh: '准备：搭建初始状态'},
	runStep: {en: (p: Params) => `Step ${p.number}/${p.count}: ${p.title}`, zh: (p: Params) => `第 ${p.number}/${p.count} 步：${p.title}`},
	runNote: {en: 'Note: ', zh: '注意：'},
	runHint: {en: 'Hint: ', zh: '提示：'},
	runPassed: {en: (p: Params) => `${p.lab}: every check passed`, zh: (p: Params) => `${p.lab}：所有检查均通过`},
	runFailed: {en: (p: Params) => `${p.lab}: a check failed`, zh: (p: Params) => `${p.lab}：有检查未通过`},
	runKept: {en: 'Nodes left running (--keep). Remove them with: redis-lab down', zh: '节点保持运行（--keep）。删除它们：redis-lab down'},
	runLab: {en: 'LAB', zh: '实验'},
	runResult: {en: 'RESULT', zh: '结果'},
	runTime: {en: 'TIME', zh: '用时'},
	runResultPassed: {en: 'passed', zh: '通过'},
	runResultFailed: {en: 'FAILED', zh: '失败'},
	runResultSkipped: {en: 'skipped (needs docker)', zh: '跳过（需要 docker）'},
	runTotal: {en: (p: Params) => `total ${p.seconds}s`, zh: (p: Params) => `共 ${p.seconds} 秒`},

	// Lint.
	lintOk: {en: (p: Params) => `${p.count} lab${p.count === 1 ? '' : 's'} OK`, zh: (p: Params) => `${p.count} 个实验全部通过检查`},
	lintFailed: {en: (p: Params) => `${p.failed} of ${p.count} lab files have errors`, zh: (p: Params) => `${p.count} 个实验文件中有 ${p.failed} 个存在错误`},
	lintNoLabs: {en: (p: Params) => `No lab files (*.yaml) in ${p.dir}`, zh: (p: Params) => `${p.dir} 中没有实验文件（*.yaml）`},

	// Errors and hints the command line writes itself.
	unknownCommand: {en: (p: Params) => `Unknown command "${p.name}"`, zh: (p: Params) => `未知命令 "${p.name}"`},
	didYouMean: {en: (p: Params) => `Did you mean ${p.suggestion}?`, zh: (p: Params) => `你是想输入 ${p.suggestion} 吗？`},
	hintHelp: {en: 'Run redis-lab --help for the commands and flags.', zh: '运行 redis-lab --help 查看所有命令和选项。'},
	hintCommandHelp: {en: (p: Params) => `Run redis-lab ${p.command} --help for its arguments and flags.`, zh: (p: Params) => `运行 redis-lab ${p.command} --help 查看它的参数和选项。`},
	hintList: {en: 'Run redis-lab list to see the labs.', zh: '运行 redis-lab list 查看所有实验。'},
	unknownOption: {en: (p: Params) => `Unknown option '${p.option}'`, zh: (p: Params) => `未知选项 '${p.option}'`},
	optionNeedsValue: {en: (p: Params) => `Option '${p.option}' needs a value`, zh: (p: Params) => `选项 '${p.option}' 需要一个值`},
	whichLab: {en: (p: Params) => `Which lab? redis-lab ${p.command} ${p.usage}`, zh: (p: Params) => `哪个实验？redis-lab ${p.command} ${p.usage}`},
	tooManyArguments: {en: (p: Params) => `Too many arguments for ${p.command} (got ${p.got})`, zh: (p: Params) => `${p.command} 的参数太多（收到 ${p.got}）`},
	unknownRuntime: {en: (p: Params) => `Unknown runtime "${p.value}"`, zh: (p: Params) => `未知的运行时 "${p.value}"`},
	hintRuntime: {en: 'Use --runtime docker or --runtime local.', zh: '请使用 --runtime docker 或 --runtime local。'},
	unknownLang: {en: (p: Params) => `Unknown language "${p.value}"`, zh: (p: Params) => `未知的语言 "${p.value}"`},
	hintLang: {en: 'Use --lang en or --lang zh.', zh: '请使用 --lang en 或 --lang zh。'},
	badPassword: {en: 'Bad --password: it must be non-empty, without spaces or quotes', zh: '--password 无效：不能为空，也不能包含空格或引号'},
	badSentinels: {en: (p: Params) => `Bad --sentinels "${p.value}": use 2 or 3`, zh: (p: Params) => `--sentinels "${p.value}" 无效：请用 2 或 3`},
	badDownAfter: {en: (p: Params) => `Bad --down-after "${p.value}": milliseconds, at least 1000`, zh: (p: Params) => `--down-after "${p.value}" 无效：单位为毫秒，至少 1000`},
	needsTerminal: {en: 'The interactive app needs a terminal', zh: '交互界面需要在终端中运行'},
	hintHeadless: {en: 'Use redis-lab run <lab> for a headless run.', zh: '无界面运行请使用 redis-lab run <lab>。'},
	bug: {en: 'This looks like a bug; run again with --debug for details.', zh: '这可能是一个 bug；加上 --debug 重新运行可查看详情。'},
});

export type CliMessage = keyof typeof cliMessages;
