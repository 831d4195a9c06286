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

-- Pass 1: compute the buckets and check every key.
local plan = {}
local touched = {}
local touched_list = {}
for c = 0, n - 1 do
  local j = cells_at + c * 5
  local k = tonumber(ARGV[j + 1])
  local b0 = tonumber(ARGV[j + 2])
  local bt = {}
  for t = 0, T - 1 do
    local b = math.floor(b0 / tiers[t].m)
    if b >= tiers[t].keep then
      bt[t] = fmt(b)
      local bk = t .. ':' .. bt[t]
      if not touched[bk] then
        touched[bk] = {t = t, b = b, kinds = {}}
        touched_list[#touched_list + 1] = bk
        e = e or need_zset(lkey(t, bt[t])) or need_zset(rkey(t))
      end
      touched[bk].kinds[k] = true
      e = e or need_zset(ckey(t, bt[t], k))
    end
  end
  local ws = {}
  for w = 0, W - 1 do
    local tw = wtier[w]
    if bt[tw] ~= nil and (roll[w] == nil or tonumber(bt[tw]) >= roll[w]) then
      ws[#ws + 1] = w
      e = e or need_window(w, K)
    end
  end
  plan[c] = {k = k, bt = bt, ws = ws}
  if e then
    return redis.error_reply(e)
  end
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
  local a, cnt, last = ARGV[j], tonumber(ARGV[j + 3]), ARGV[j + 4]
  local p = plan[c]
  for t = 0, T - 1 do
    local b = p.bt[t]
    if b ~= nil then
      redis.call('ZINCRBY', ckey(t, b, p.k), cnt, a)
      redis.call('ZADD', lkey(t, b), 'GT', last, a)
    end
  end
  for _, w in ipairs(p.ws) do
    redis.call('ZINCRBY', wkey(w, p.k), cnt, a)
    redis.call('ZADD', wlkey(w), 'GT', last, a)
    for _, s in ipairs(S) do
      redis.call('ZINCRBY', wskey(w, s.sid), cnt * s.w[p.k + 1], a)
    end
  end
end
for _, bk in ipairs(touched_list) do
  local x = touched[bk]
  local tier = tiers[x.t]
  local b = fmt(x.b)
  local at = fmt((math.floor(x.b * tier.res / tier.coarse) + 1) * tier.coarse + tier.life + shift)
  redis.call('PEXPIREAT', lkey(x.t, b), at)
  for k, _ in pairs(x.kinds) do
    redis.call('PEXPIREAT', ckey(x.t, b, k), at)
  end
  redis.call('ZADD', rkey(x.t), b, b)
end
return 1
