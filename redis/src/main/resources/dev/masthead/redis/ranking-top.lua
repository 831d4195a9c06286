-- The best articles of a tracked window, from its running totals (top-K pushed down).
-- KEYS[1] meta. ARGV: layout hash, W windows, K kinds, window w, its tier and target (read from the list below),
--   limit (-1: all),
--   K kind weights, then per window (4): its tier, its target, its rank by length, its tier's resolution ms.
-- Slides the windows to their targets first (as maintenance would). Returns a flat list: per candidate, article,
-- K counts, last event ms. The candidates are the first `limit` by score over the window (the sum of its bands'
-- scoring sets) plus every article tied with the last of them, so the caller can break ties by last event and id
-- exactly.
local hash = ARGV[1]
local W, K = tonumber(ARGV[2]), tonumber(ARGV[3])
local w, limit = tonumber(ARGV[4]), tonumber(ARGV[7])
local weights = {}
for k = 0, K - 1 do
  weights[k + 1] = ARGV[8 + k]
end
local win = windows_from(8 + K, W, true)
local e = load_meta(hash)
if e then
  return redis.error_reply(e)
end
e = slide_all(win, K)
if e then
  return redis.error_reply(e)
end
local wstr = table.concat(weights, ',')
-- Writes into dest the score (sum of weight x count) of every article of the given bands: HGETALL of each kind's
-- band, then ZADD in slices. O(articles in the bands); runs per band when a scoring is first used (at most
-- MAX_SCORINGS times per namespace), or per query over a whole window for scorings beyond those.
local function score_into(dest, bands)
  local acc = sums()
  for _, band in ipairs(bands) do
    for k = 0, K - 1 do
      local cells = redis.call('HGETALL', wkey(band, k))
      local x = tonumber(weights[k + 1])
      for i = 1, #cells, 2 do
        bump(acc, dest, cells[i], tonumber(cells[i + 1]) * x)
      end
    end
  end
  redis.call('DEL', dest)
  apply(acc, true, false)
end
local sid = M['s:' .. wstr]
local key
local temporary = false
if sid == nil then
  local count = tonumber(M['sn'] or '0')
  for _, s in ipairs(S) do -- never reuse a kept scoring's id, even if sn was lost (a meta hash edited by hand)
    local used = tonumber(s.sid)
    if used ~= nil and used >= count then
      count = used + 1
    end
  end
  if count < MAX_SCORINGS then
    -- From now on every add and slide keeps this scoring's sorted set of every band up to date.
    sid = tostring(count)
    for v = 0, W - 1 do
      e = need_window(v, K) or need_zset(wskey(v, sid))
      if e then
        return redis.error_reply(e)
      end
    end
    for v = 0, W - 1 do
      score_into(wskey(v, sid), {v})
    end
    redis.call('HSET', META, 's:' .. wstr, sid, 'sn', tostring(count + 1))
  else
    key = P .. 'tmp'
    e = need_zset(key)
    if e then
      return redis.error_reply(e)
    end
    score_into(key, bands_of(win, w))
    temporary = true
  end
end
local keys = {}
if temporary then
  keys[1] = key
else
  for _, band in ipairs(bands_of(win, w)) do
    keys[#keys + 1] = wskey(band, sid)
  end
end
for _, band in ipairs(bands_of(win, w)) do
  e = e or need_window(band, K)
end
if e then
  return redis.error_reply(e)
end
-- The candidates: every article whose score over the window (the sum of its scores in the window's bands; absent
-- from a band: 0) is at least the limit-th best, so the caller can break ties by last event and id exactly. Fagin's
-- threshold algorithm over the bands' sorted sets: read the first d entries of every band (ZREVRANGE), total each
-- article met over every band (ZMSCORE); an article not met scores at most the threshold, the sum over the bands
-- not read to their end of the last score read there. Once the limit-th best total is strictly above the
-- threshold, no article not met can reach it (or tie with it): stop; otherwise read twice as deep.
local candidates = {}
if limit < 0 then
  local seen = {}
  for _, k in ipairs(keys) do
    for _, a in ipairs(redis.call('ZRANGE', k, 0, -1)) do
      if not seen[a] then
        seen[a] = true
        candidates[#candidates + 1] = a
      end
    end
  end
else
  local B = #keys
  local d = math.max(2 * limit, 16)
  local met, total = {}, {}
  local read, last, ended = {}, {}, {}
  for j = 1, B do
    read[j] = 0
    last[j] = 0
    ended[j] = false
  end
  local cut
  while true do
    local new = {}
    for j = 1, B do
      if not ended[j] then
        local got = redis.call('ZREVRANGE', keys[j], read[j], d - 1, 'WITHSCORES')
        for i = 1, #got, 2 do
          local a = got[i]
          if not total[a] then
            total[a] = 0
            met[#met + 1] = a
            new[#new + 1] = a
          end
          last[j] = tonumber(got[i + 1])
        end
        read[j] = read[j] + #got / 2
        if read[j] < d then
          ended[j] = true
        end
      end
    end
    if #new > 0 then
      for j = 1, B do
        local s = sliced('ZMSCORE', keys[j], new)
        for i = 1, #new do
          total[new[i]] = total[new[i]] + (tonumber(s[i]) or 0)
        end
      end
    end
    local threshold, all_ended = 0, true
    for j = 1, B do
      if not ended[j] then
        all_ended = false
        if last[j] > 0 then
          threshold = threshold + last[j]
        end
      end
    end
    if #met >= limit then
      local sorted = {}
      for x = 1, #met do
        sorted[x] = total[met[x]]
      end
      table.sort(sorted, function(p, q) return p > q end)
      cut = sorted[limit]
    end
    if all_ended or (cut ~= nil and cut > threshold) then
      break
    end
    d = 2 * d
  end
  for _, a in ipairs(met) do
    if cut == nil or total[a] >= cut then
      candidates[#candidates + 1] = a
    end
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
  counts[k] = {}
  for _, band in ipairs(bands_of(win, w)) do
    local part = sliced('HMGET', wkey(band, k), candidates)
    for i = 1, #candidates do
      counts[k][i] = (counts[k][i] or 0) + (tonumber(part[i]) or 0)
    end
  end
end
local lasts = sliced('ZMSCORE', WL, candidates)
for i, a in ipairs(candidates) do
  out[#out + 1] = a
  for k = 0, K - 1 do
    out[#out + 1] = fmt(counts[k][i])
  end
  out[#out + 1] = lasts[i] or '0'
end
return out
