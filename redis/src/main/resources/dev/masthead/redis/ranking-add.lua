-- Applies one chunk of a batch. KEYS[1] meta, KEYS[2] the chunk's idempotency marker.
-- ARGV: layout hash, marker TTL ms, T tiers, W windows, K kinds, n cells, engine now (epoch ms),
--   per tier (5): finest buckets per bucket, keepStart, resolution ms, next coarser resolution ms, horizon + grace ms
--   per window (3): its tier, its rank by length (0: shortest), its tier's resolution ms
--   then groups of cells of one kind and finest bucket, each: kind, finest bucket, m cells, and per cell (2):
--   article, and its count and last event ms after the start of the finest bucket as a cell value (cell_parts:
--   count x finest resolution + ms, or "<count>:<ms>" for a count too large to pack)
-- Returns 1 if the chunk was applied now, 0 if it had been applied before (the marker exists).
-- Every key is checked before the first write, and the first write is the marker, so a chunk lands whole or
-- not at all (a Redis script that fails half-way keeps its writes: nothing here can fail after the marker).
-- Per key, the chunk's cells are summed first and written with one HMGET and one HSET per slice of members
-- (scorings: ZMSCORE and ZADD; the shared latest times one ZADD GT), so a cell costs no command of its own.
local hash, ttl = ARGV[1], ARGV[2]
local T, W, K, n, now = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
local tiers = {}
local i = 8
for t = 0, T - 1 do
  tiers[t] = {m = tonumber(ARGV[i]), keep = tonumber(ARGV[i + 1]), res = tonumber(ARGV[i + 2]),
    coarse = tonumber(ARGV[i + 3]), life = tonumber(ARGV[i + 4])}
  i = i + 5
end
local finest = tiers[0].res
local win
win, i = windows_from(i, W, false)
local roll = {}
for w = 0, W - 1 do
  roll[w] = tonumber(M['roll:' .. w])
end
local groups_at = i
local argv = ARGV

-- Expiry at an absolute time: the end of the bucket's life in the engine's time, shifted to the server's clock
-- if they are more than a minute apart.
local shift = clock_shift(now)

-- The keys of each bucket met, per tier, built once per script (most cells of a chunk share a few buckets).
local bkeys = {}
local touched_list = {}
for t = 0, T - 1 do
  bkeys[t] = {}
end
local function bucket(t, b0)
  local r = bkeys[t][b0]
  if r == nil then
    local b = math.floor(b0 / tiers[t].m)
    if b < tiers[t].keep then
      r = false
    else
      local s = fmt(b)
      r = {t = t, b = b, s = s, c = {}}
      touched_list[#touched_list + 1] = r
    end
    bkeys[t][b0] = r
  end
  return r
end
local function count_key(r, k)
  local key = r.c[k]
  if key == nil then
    key = ckey(r.t, r.s, k)
    r.c[k] = key
  end
  return key
end
local wk, wsk = {}, {}
for w = 0, W - 1 do
  wk[w] = {}
  for k = 0, K - 1 do
    wk[w][k] = wkey(w, k)
  end
  wsk[w] = {}
  for x, sc in ipairs(S) do
    wsk[w][x] = wskey(w, sc.sid)
  end
end
local function in_window(w, b0)
  local r = bucket(win.tier[w], b0)
  return r and (roll[w] == nil or r.b >= roll[w])
end

-- Pass 1: check every key the chunk will write (per group: its kind's cells in each tier's bucket).
for t = 0, T - 1 do
  e = e or need_zset(rkey(t))
end
for w = 0, W - 1 do
  e = e or need_window(w, K)
end
i = groups_at
while i <= #ARGV do
  local k, b0, m = tonumber(ARGV[i]), tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  for t = 0, T - 1 do
    local r = bucket(t, b0)
    if r then
      e = e or need_hash(count_key(r, k))
    end
  end
  if e then
    return redis.error_reply(e)
  end
  i = i + 3 + 2 * m
end
if e then
  return redis.error_reply(e)
end
local mt = redis.call('TYPE', KEYS[2]).ok
if mt ~= 'none' and mt ~= 'string' then
  return redis.error_reply('MASTHEAD-WRONGTYPE ' .. KEYS[2] .. ' holds a ' .. mt .. ', not a string')
end

-- The marker: the first write.
if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ttl) then
  return 0
end

-- Pass 2: sum, then write. Cells that go to the same keys (a kind's cells in each tier's bucket and in the band
-- of the shortest window holding it) are summed once per member (count and latest event) and written to each
-- of those keys.
local shared = {}
local shared_list = {}
i = groups_at
while i <= #ARGV do
  local k, b0, m = tonumber(ARGV[i]), tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  local start = b0 * finest
  local cells, sig = {}, {k}
  for t = 0, T - 1 do
    local r = bucket(t, b0)
    if r then
      cells[#cells + 1] = {key = count_key(r, k), start = r.b * tiers[t].res, res = tiers[t].res}
      sig[#sig + 1] = r.s
    else
      sig[#sig + 1] = '-'
    end
  end
  -- the windows holding the cell (they nest: from the shortest that holds it on); its count and its scores go
  -- to the band of the shortest
  local wins = {}
  for r = 0, W - 1 do
    local w = win.order[r]
    if in_window(w, b0) then
      wins[#wins + 1] = w
      sig[#sig + 1] = 'w' .. w
    end
  end
  sig = table.concat(sig, ':')
  local g = shared[sig]
  if g == nil then
    g = {cells = cells, band = #wins > 0 and wk[wins[1]][k] or nil, wins = wins, k = k,
      sums = {m = {}, n = {}, l = {}, at = {}}}
    shared[sig] = g
    shared_list[#shared_list + 1] = g
  end
  local a = g.sums
  for j = i + 3, i + 1 + 2 * m, 2 do
    local member, v = argv[j], argv[j + 1]
    local cnt, last
    local p = tonumber(v) -- cell_parts, inlined for the common packed value
    if p then
      last = fmod(p, finest)
      cnt = (p - last) / finest
    else
      cnt, last = cell_parts(v, finest, 'argument', member)
    end
    last = start + last
    local x = a.at[member]
    if x == nil then
      x = #a.m + 1
      a.m[x] = member
      a.n[x] = cnt
      a.l[x] = last
      a.at[member] = x
    else
      a.n[x] = a.n[x] + cnt
      if last > a.l[x] then
        a.l[x] = last
      end
    end
  end
  i = i + 3 + 2 * m
end
for _, g in ipairs(shared_list) do
  for _, c in ipairs(g.cells) do
    apply_cells(c.key, g.sums, c.start, c.res)
  end
  if g.band then
    apply_one(g.band, g.sums, false, false, 1)
    local lasts = {}
    for x = 1, #g.sums.m do
      lasts[#lasts + 1] = g.sums.l[x]
      lasts[#lasts + 1] = g.sums.m[x]
    end
    latest_one(WL, lasts)
  end
  if g.band then
    for x, sc in ipairs(S) do
      apply_one(wsk[g.wins[1]][x], g.sums, true, false, sc.w[g.k + 1])
    end
  end
end
for _, r in ipairs(touched_list) do
  local tier = tiers[r.t]
  local at = expiry_at(r.b, tier.res, tier.coarse, tier.life, shift)
  for _, key in pairs(r.c) do
    redis.call('PEXPIREAT', key, at)
  end
  redis.call('ZADD', rkey(r.t), r.s, r.s)
end
if unreadable then -- a cell edited by hand was overwritten: its bands hold a count its bucket no longer has
  mark_recount(W)
end
return 1
