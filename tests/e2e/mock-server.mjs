// A small stand-in for the ParkHQ API, for working on the web app before/without the C++ server.
// Serves web/dist and the /api/v1 routes the shell uses, in memory. Not a test of the server.
//   node tests/e2e/mock-server.mjs [port]      (default 8090)
//   BASE_URL=http://127.0.0.1:8090 node tests/e2e/run.mjs
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const dist = path.resolve(here, '../../web/dist')
const port = Number(process.argv[2] || process.env.PORT || 8090)

const TASKS = [
  [1, '科学谋划发展布局', '明确发展定位', ['工业园区'], ['工信局', '发改局', '科技局', '招商服务中心']],
  [2, '科学谋划发展布局', '加强规划引领', ['工业园区', '自然资源局'], ['工信局', '发改局', '财政局', '税务局', '金融办']],
  [3, '科学谋划发展布局', '提升工业集中度', ['工业园区', '工信局'], ['招商服务中心', '市场监管局', '科技局']],
  [4, '强化科技创新支撑', '完善科技创新体系', ['工业园区'], ['科技局']],
  [5, '强化科技创新支撑', '激发企业创新发展活力', ['工业园区', '科技局'], ['工信局', '发改局', '税务局', '金融办']],
  [6, '全力构建载体平台', '构建政企联合开发平台', ['工业园区'], ['弘达聚鑫基础产业投资集团']],
  [7, '全力构建载体平台', '构建中小企业孵化育成平台', ['工业园区'], ['科技局', '弘达聚鑫基础产业投资集团']],
  [8, '全力构建载体平台', '构建大数据生产服务平台', ['工业园区'], ['财政局', '科技局', '税务局']],
  [9, '提升产业层次水平', '锻造高质量产业链条', ['工业园区', '工信局'], []],
  [10, '提升产业层次水平', '突出工业集群化', ['工业园区'], ['工信局']],
  [11, '提升产业层次水平', '推动循环发展', ['工业园区'], ['发改局', '工信局', '生态环境局华亭分局']],
  [12, '壮大龙头骨干企业', '推进企业梯度培育', ['工业园区', '工信局'], ['发改局', '商务局', '招商服务中心']],
  [13, '壮大龙头骨干企业', '推动企业高质量发展', ['工业园区'], ['工信局']],
  [14, '加大财税政策支持', '优化财政资源配置', ['工业园区'], ['财政局']],
  [15, '加大财税政策支持', '创新融资模式', ['工业园区'], ['金融办', '弘达聚鑫基础产业投资集团']],
  [16, '强化资源要素保障', '强化土地要素配置', ['工业园区'], ['自然资源局', '金融办']],
  [17, '强化资源要素保障', '促进土地集约高效利用', ['工业园区'], ['自然资源局']],
  [18, '强化资源要素保障', '强化人才保障', ['工业园区'], ['人社局', '科技局']],
  [19, '强化资源要素保障', '加快化工园区认定', ['工业园区'], ['自然资源局', '水务局', '生态环境局华亭分局', '住建局', '工信局', '发改局', '税务局']],
  [20, '持续优化营商环境', '推进简政赋能改革', ['工业园区'], []],
  [21, '持续优化营商环境', '提升项目审批效能', ['工业园区'], ['工信局', '发改局', '招商服务中心', '生态环境局华亭分局', '住建局', '自然资源局', '政务服务中心']],
  [22, '不断夯实发展基础', '加强项目论证储备', [], ['工信局', '工业园区']],
  [23, '不断夯实发展基础', '创新招商引资模式', ['工业园区'], ['招商服务中心']],
  [24, '不断夯实发展基础', '加快项目建设进度', ['工业园区'], ['工信局', '发改局', '自然资源局', '生态环境局华亭分局', '住建局', '金融办']],
  [25, '不断夯实发展基础', '践行绿色安全发展理念', ['工业园区'], ['生态环境局华亭分局', '应急管理局']],
].map(([no, group, title, lead_units, responsible_units]) => ({ no, group, title, lead_units, responsible_units, note: '' }))

const regions = [{ id: 1, name: '甘肃省', parent_id: null }, { id: 2, name: '平凉市', parent_id: 1 }, { id: 3, name: '华亭市', parent_id: 2 }]
const parks = [
  { id: 1, name: '华亭工业园区', region_id: 3, parent_id: null, is_demo: true },
  ...['东华园', '安口园', '西华园', '策底园'].map((name, i) => ({ id: i + 2, name, region_id: 3, parent_id: 1, is_demo: true })),
]
const unitNames = ['工业园区', '工信局', '发改局', '科技局', '自然资源局', '财政局', '税务局', '金融办', '人社局', '商务局', '市场监管局', '水务局', '住建局', '生态环境局华亭分局', '应急管理局', '招商服务中心', '政务服务中心', '网信办', '弘达聚鑫基础产业投资集团']
const units = unitNames.map((name, i) => ({ id: i + 1, name, kind: i === 0 ? 'park' : i === unitNames.length - 1 ? 'operator' : 'department', region_id: 3 }))
const now = () => new Date().toISOString()
const users = [
  { id: 1, username: 'admin', display_name: '系统管理员', role: 'sysadmin', park_id: null, unit_id: null, unit: null, enterprise_id: null, disabled: false, created_at: '2023-09-06T01:00:00Z', last_login_at: null, password: process.env.E2E_ADMIN_PASSWORD || 'Admin@2023demo' },
  { id: 2, username: 'gxj', display_name: '工信局 李科长', role: 'department', park_id: 1, unit_id: 2, unit: '工信局', enterprise_id: null, disabled: false, created_at: '2023-09-07T02:00:00Z', last_login_at: null, password: 'Gxj@2023demo' },
]
const tokens = []
const audit = [
  { id: 1, at: '2023-09-07T02:00:00Z', user_id: 1, username: 'admin', ip: '127.0.0.1', action: 'create', entity: 'user', entity_id: 2, before: null, after: { username: 'gxj', role: 'department' }, reason: null },
  { id: 2, at: '2023-09-08T16:30:00Z', user_id: 1, username: 'admin', ip: '127.0.0.1', action: 'update', entity: 'user', entity_id: 2, before: { role: 'leader', disabled: false }, after: { role: 'department', disabled: false }, reason: '岗位调整' },
]
const sessions = new Map() // sid -> { userId, csrf }
const rnd = () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2)
const pub = (u) => { const { password, ...rest } = u; return rest }
const err = (res, status, code, message, details = []) => json(res, status, { error: { code, message, details } })
function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(body === undefined ? '' : JSON.stringify(body))
}
const strong = (p) => p.length >= 10 && [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length >= 3
function addAudit(sess, req, action, entity, entity_id, before, after) {
  const u = users.find((x) => x.id === sess.userId)
  audit.push({ id: audit.length + 1, at: now(), user_id: u.id, username: u.username, ip: req.socket.remoteAddress, action, entity, entity_id, before, after, reason: null })
}

async function body(req) {
  let s = ''
  for await (const c of req) s += c
  try { return s ? JSON.parse(s) : {} } catch { return {} }
}

async function api(req, res, url) {
  const p = url.pathname.replace(/^\/api\/v1/, '')
  const m = req.method
  const sid = /(?:^|; )sid=([^;]+)/.exec(req.headers.cookie || '')?.[1]
  const sess = sid && sessions.get(sid)
  if (p === '/health') return json(res, 200, { status: 'ok', db: 'mock', version: 'mock' })
  if (p === '/auth/login' && m === 'POST') {
    const b = await body(req)
    const u = users.find((x) => x.username === b.username && x.password === b.password && !x.disabled)
    if (!u) return err(res, 401, 'bad_credentials', req.headers['accept-language'] === 'en' ? 'Wrong username or password' : '用户名或密码错误')
    const id = rnd(), csrf = rnd()
    sessions.set(id, { userId: u.id, csrf })
    u.last_login_at = now()
    res.setHeader('Set-Cookie', `sid=${id}; HttpOnly; Path=/; SameSite=Lax`)
    return json(res, 200, { user: pub(u), csrf_token: csrf })
  }
  if (!sess) return err(res, 401, 'unauthenticated', '请先登录')
  if (m !== 'GET' && req.headers['x-csrf-token'] !== sess.csrf) return err(res, 403, 'csrf', 'CSRF 校验失败')
  const me = users.find((x) => x.id === sess.userId)
  if (p === '/auth/logout' && m === 'POST') { sessions.delete(sid); return json(res, 204) }
  if (p === '/me') return json(res, 200, { user: pub(me), csrf_token: sess.csrf, scope: { kind: me.role === 'sysadmin' ? 'all' : 'park', park_ids: parks.map((x) => x.id) } })
  if (p === '/tasks') return json(res, 200, { items: TASKS, total: TASKS.length })
  if (p === '/regions') return json(res, 200, { items: regions, total: regions.length })
  if (p === '/parks' && m === 'GET') return json(res, 200, { items: parks, total: parks.length })
  if (p === '/parks' && m === 'POST') {
    const b = await body(req)
    if (!b.name) return err(res, 422, 'validation', '参数错误', [{ field: 'name', message: '请填写名称' }])
    const park = { id: parks.length + 1, name: b.name, region_id: b.region_id ?? null, parent_id: b.parent_id ?? null, is_demo: false }
    parks.push(park)
    return json(res, 201, park)
  }
  if (p === '/units') return json(res, 200, { items: units, total: units.length })
  let mm
  if ((mm = /^\/parks\/(\d+)\/targets\/(\d+)$/.exec(p))) {
    if (mm[2] !== '2023') return err(res, 404, 'not_found', '未找到')
    return json(res, 200, { year: 2023, items: [
      { code: 'fai', name: '固定资产投资', unit: '万元', target: 31400, growth_pct: 10, base: null },
      { code: 'output', name: '工业总产值', unit: '万元', target: 157000, growth_pct: 7, base: null },
      { code: 'sales', name: '销售收入', unit: '万元', target: 155000, growth_pct: 7, base: null },
      { code: 'value_added', name: '工业增加值', unit: '万元', target: 19000, growth_pct: 7, base: null },
      { code: 'above_scale_new', name: '培育规模以上企业', unit: '户', target: 5, growth_pct: null, base: null },
      { code: 'new_enterprises', name: '招引新入园企业', unit: '户', target: 5, growth_pct: null, base: null },
    ] })
  }
  const admin = me.role === 'sysadmin'
  if (p.startsWith('/users') || p.startsWith('/audit')) { if (!admin) return err(res, 403, 'forbidden', '无权限') }
  if (p === '/users' && m === 'GET') {
    const page = Number(url.searchParams.get('page') || 1), size = Number(url.searchParams.get('page_size') || 20)
    return json(res, 200, { items: users.slice((page - 1) * size, page * size).map(pub), total: users.length })
  }
  if (p === '/users' && m === 'POST') {
    const b = await body(req)
    const details = []
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/.test(b.username || '')) details.push({ field: 'username', message: '用户名格式不正确' })
    if (!strong(b.password || '')) details.push({ field: 'password', message: '密码强度不足：至少10位且包含3类字符' })
    if (!['sysadmin', 'park_admin', 'department', 'enterprise', 'leader'].includes(b.role)) details.push({ field: 'role', message: '未知角色' })
    if (details.length) return err(res, 422, 'validation', '参数校验失败', details)
    if (users.some((x) => x.username === b.username)) return err(res, 409, 'username_taken', '用户名已存在', [{ field: 'username', message: '用户名已存在' }])
    const u = { id: users.length + 1, username: b.username, display_name: b.display_name || b.username, role: b.role, park_id: b.park_id ?? null, unit_id: units.find((x) => x.name === b.unit)?.id ?? null, unit: b.unit ?? null, enterprise_id: b.enterprise_id ?? null, disabled: false, created_at: now(), last_login_at: null, password: b.password }
    users.push(u)
    addAudit(sess, req, 'create', 'user', u.id, null, pub(u))
    return json(res, 201, pub(u))
  }
  if ((mm = /^\/users\/(\d+)$/.exec(p)) && m === 'PATCH') {
    const u = users.find((x) => x.id === Number(mm[1]))
    if (!u) return err(res, 404, 'not_found', '用户不存在')
    const before = pub(u)
    Object.assign(u, await body(req))
    addAudit(sess, req, 'update', 'user', u.id, before, pub(u))
    return json(res, 200, pub(u))
  }
  if ((mm = /^\/users\/(\d+)\/password$/.exec(p)) && m === 'POST') {
    const b = await body(req)
    const target = users.find((x) => x.id === Number(mm[1]))
    // Like the server: one's own password needs the current one.
    if (target && target.id === sess.userId && b.current_password !== target.password)
      return err(res, 422, 'validation', '密码有误', [{ field: 'current_password', message: b.current_password ? '当前密码不正确' : '请输入当前密码' }])
    if (!strong(b.password || '')) return err(res, 422, 'weak_password', '密码强度不足', [{ field: 'password', message: '密码强度不足：至少10位且包含3类字符' }])
    target.password = b.password
    return json(res, 204)
  }
  if (p === '/audit') {
    const q = url.searchParams
    let items = audit.slice().reverse()
    if (q.get('user')) items = items.filter((a) => a.username === q.get('user'))
    if (q.get('entity')) items = items.filter((a) => a.entity === q.get('entity'))
    return json(res, 200, { items, total: items.length })
  }
  if (p.startsWith('/tokens') && !['sysadmin', 'park_admin'].includes(me.role)) return err(res, 403, 'forbidden', '无权限')
  if (p === '/tokens' && m === 'GET') return json(res, 200, { items: tokens.filter((x) => !x.revoked), total: tokens.length })
  if (p === '/tokens' && m === 'POST') {
    const b = await body(req)
    if (!b.name) return err(res, 422, 'validation', '参数错误', [{ field: 'name', message: '请填写名称' }])
    const tk = { id: tokens.length + 1, name: b.name, scope_park_id: b.scope_park_id ?? null, read_only: !!b.read_only, created_at: now(), last_used_at: null }
    tokens.push(tk)
    return json(res, 201, { id: tk.id, token: 'phq_' + rnd() })
  }
  if ((mm = /^\/tokens\/(\d+)$/.exec(p)) && m === 'DELETE') {
    const tk = tokens.find((x) => x.id === Number(mm[1]))
    if (tk) tk.revoked = true
    return json(res, 204)
  }
  return err(res, 404, 'not_found', '接口不存在')
}

const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' }
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x')
  if (url.pathname.startsWith('/api/')) return void api(req, res, url).catch((e) => { console.error(e); err(res, 500, 'internal', 'internal') })
  let file = path.join(dist, path.normalize(url.pathname))
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html')
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' })
  fs.createReadStream(file).pipe(res)
}).listen(port, '127.0.0.1', () => console.log(`mock ParkHQ on http://127.0.0.1:${port}`))
