-- Applies one chunk of a batch. KEYS[1] meta, KEYS[2] the chunk's idempotency marker.
-- ARGV: layout hash, marker TTL ms, T tiers, W windows, K kinds, n cells, engine now (epoch ms),
--   per tier (5): finest buckets per bucket, keepStart, resolution ms, next coarser resolution ms, horizon + grace ms
--   per window (1): its tier
--   per cell (5): article, kind, finest bucket, count, last event ms
-- Returns 1 if the chunk was applied now, 0 if it had been applied before (the marker exists).
-- Every key is checked before the first write, and the first write is the marker, so a chunk lands whole or
-- not at all (a Redis script that fails half-way keeps its writes: nothing here can fail after the marker).
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
local wtier = {}
local roll = {}
for w = 0, W - 1 do
  wtier[w] = tonumber(ARGV[i])
  roll[w] = tonumber(M['roll:' .. w])
  i = i + 1
end
local cells_at = i

-- Expiry at an absolute time: the end of the bucket's life in the engine's time. If the engine's clock is more
-- than a minute off the server's, the time is shifted by the difference, so that a skewed node neither drops
-- fresh buckets at once nor keeps them past their life.
local tm = redis.call('TIME')
local server = tonumber(tm[1]) * 1000 + math.floor(tonumber(tm[2]) / 1000)
local shift = 0
if math.abs(server - now) > 60000 then
  shift = server - now
end

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
      r = {t = t, b = b, s = s, l = lkey(t, s), c = {}}
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
local wk, wl, wsk = {}, {}, {}
for w = 0, W - 1 do
  wk[w] = {}
  for k = 0, K - 1 do
    wk[w][k] = wkey(w, k)
  end
  wl[w] = wlkey(w)
  wsk[w] = {}
  for x, sc in ipairs(S) do
    wsk[w][x] = wskey(w, sc.sid)
  end
end
local function in_window(w, b0)
  local r = bucket(wtier[w], b0)
  return r and (roll[w] == nil or r.b >= roll[w])
end

-- Pass 1: check every key the chunk will write.
for t = 0, T - 1 do
  e = e or need_zset(rkey(t))
end
for w = 0, W - 1 do
  e = e or need_window(w, K)
end
for c = 0, n - 1 do
  local j = cells_at + c * 5
  local k = tonumber(ARGV[j + 1])
  local b0 = tonumber(ARGV[j + 2])
  for t = 0, T - 1 do
    local r = bucket(t, b0)
    if r then
      e = e or need_zset(r.l) or need_zset(count_key(r, k))
    end
  end
  if e then
    return redis.error_reply(e)
  end
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

-- Pass 2: write.
for c = 0, n - 1 do
  local j = cells_at + c * 5
  local a, k, b0, cnt, last = ARGV[j], tonumber(ARGV[j + 1]), tonumber(ARGV[j + 2]), tonumber(ARGV[j + 3]), ARGV[j + 4]
  for t = 0, T - 1 do
    local r = bucket(t, b0)
    if r then
      redis.call('ZINCRBY', count_key(r, k), cnt, a)
      redis.call('ZADD', r.l, 'GT', last, a)
    end
  end
  for w = 0, W - 1 do
    if in_window(w, b0) then
      redis.call('ZINCRBY', wk[w][k], cnt, a)
      redis.call('ZADD', wl[w], 'GT', last, a)
      for x, sc in ipairs(S) do
        redis.call('ZINCRBY', wsk[w][x], cnt * sc.w[k + 1], a)
      end
    end
  end
end
for _, r in ipairs(touched_list) do
  local tier = tiers[r.t]
  local at = fmt((math.floor(r.b * tier.res / tier.coarse) + 1) * tier.coarse + tier.life + shift)
  redis.call('PEXPIREAT', r.l, at)
  for _, key in pairs(r.c) do
    redis.call('PEXPIREAT', key, at)
  end
  redis.call('ZADD', rkey(r.t), r.s, r.s)
end
return 1
