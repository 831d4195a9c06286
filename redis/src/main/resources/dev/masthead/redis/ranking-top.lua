-- The best articles of a tracked window, from its running totals (top-K pushed down).
-- KEYS[1] meta. ARGV: layout hash, W windows, K kinds, window w, its tier, its target, limit (-1: all),
--   K kind weights.
-- Slides the window to the target first (as maintenance would). Returns a flat list: per candidate, article,
-- K counts, last event ms. The candidates are the first `limit` by score plus every article tied with the
-- last of them, so the caller can break ties by last event and id exactly.
local hash = ARGV[1]
local W, K = tonumber(ARGV[2]), tonumber(ARGV[3])
local w, tw, target, limit = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local weights = {}
for k = 0, K - 1 do
  weights[k + 1] = ARGV[8 + k]
end
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
e = slide(w, tw, target, K)
if e then
  return redis.error_reply(e)
end
local wstr = table.concat(weights, ',')
-- ZUNIONSTORE dest K w:<v>:0 .. w:<v>:K-1 WEIGHTS weights...: the score of every article of window v.
local function union_args(dest, v)
  local a = {dest, K}
  for k = 0, K - 1 do
    a[#a + 1] = wkey(v, k)
  end
  a[#a + 1] = 'WEIGHTS'
  for k = 1, K do
    a[#a + 1] = weights[k]
  end
  return a
end
local sid = M['s:' .. wstr]
local key
local temporary = false
if sid == nil then
  local count = tonumber(M['sn'] or '0')
  if count < MAX_SCORINGS then
    -- From now on every add and slide keeps this scoring's sorted set of every window up to date.
    sid = tostring(count)
    for v = 0, W - 1 do
      e = need_window(v, K) or need_zset(wskey(v, sid))
      if e then
        return redis.error_reply(e)
      end
      redis.call('ZUNIONSTORE', unpack(union_args(wskey(v, sid), v)))
    end
    redis.call('HSET', META, 's:' .. wstr, sid, 'sn', tostring(count + 1))
    key = wskey(w, sid)
  else
    key = P .. 'tmp'
    redis.call('ZUNIONSTORE', unpack(union_args(key, w)))
    temporary = true
  end
else
  key = wskey(w, sid)
end
e = need_window(w, K)
if e then
  return redis.error_reply(e)
end
local ranked
if limit < 0 then
  ranked = redis.call('ZREVRANGE', key, 0, -1, 'WITHSCORES')
else
  ranked = redis.call('ZREVRANGE', key, 0, limit - 1, 'WITHSCORES')
end
local candidates = {}
if limit >= 0 and #ranked == 2 * limit and limit > 0 then
  local boundary = ranked[#ranked]
  for i = 1, #ranked, 2 do
    if tonumber(ranked[i + 1]) > tonumber(boundary) then
      candidates[#candidates + 1] = ranked[i]
    end
  end
  local tied = redis.call('ZRANGEBYSCORE', key, boundary, boundary)
  for _, a in ipairs(tied) do
    candidates[#candidates + 1] = a
  end
else
  for i = 1, #ranked, 2 do
    candidates[#candidates + 1] = ranked[i]
  end
end
if temporary then
  redis.call('DEL', key)
end
local out = {}
if #candidates == 0 then
  return out
end
local counts = {}
for k = 0, K - 1 do
  counts[k] = sliced('ZMSCORE', wkey(w, k), candidates)
end
local lasts = sliced('ZMSCORE', wlkey(w), candidates)
for i, a in ipairs(candidates) do
  out[#out + 1] = a
  for k = 0, K - 1 do
    out[#out + 1] = counts[k][i] or '0'
  end
  out[#out + 1] = lasts[i] or '0'
end
return out
