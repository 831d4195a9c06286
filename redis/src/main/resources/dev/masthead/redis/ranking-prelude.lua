-- Shared by every ranking script of RedisCounterStore. KEYS[1] is always the namespace's meta key,
-- "<prefix>meta", where the prefix is "mh:{<namespace>}:" (one hash tag: every key lives in one Cluster slot).
-- Key layout version 4 (t: tier position, b: bucket index in that tier, k: kind position, w: tracked window
-- position):
--   meta          hash  layout (text), hash (SHA-1 of the text), v (4: this key layout), roll:<w> (first bucket
--                       in the running totals of window w; none yet: every bucket), s:<weights> (id of a maintained
--                       scoring), sn (scorings so far), rebuild:<w> (set when the hash was recreated over left
--                       buckets, or an add met a cell edited by hand: recount the windows at the next slide)
--   c:<t>:<b>:<k> hash  article -> count of kind k in bucket b of tier t and its latest event (ms after the bucket's
--                       start), packed as the decimal integer count x R + latest, where R is the tier's resolution
--                       (ms), while that is at most 2^53 (exact in a double); beyond, the text "<count>:<latest>"
--                       (the only form of version 3). Version 4 packs the number so that a flush neither splits
--                       nor formats a pair per cell.
--   r:<t>         zset  bucket index -> itself: the buckets of tier t written and not yet freed
--   w:<w>:<k>     hash  article -> running total of kind k over the band of window w: the cells window w holds
--                       and the next shorter tracked window does not (only positive counts). The tracked windows
--                       nest (they all end now and slide together), so window w's total is the sum of the bands
--                       of w and of every shorter window, and a current cell writes one band, not every window.
--   wl            zset  article -> latest event time, shared by every tracked window: every article with a count
--                       in some window's totals. All tracked windows end now, so an article's latest event in a
--                       window that holds it is its latest event in any of them.
--   ws:<w>:<sid>  zset  article -> score under scoring sid over the band of window w (every article of that band,
--                       the same nesting as w:<w>:<k>), so a current cell writes one score per scoring, not one per
--                       window; the top of window w is found over the sets of its bands (ranking-top.lua: the
--                       threshold algorithm). Version 2 kept one set per whole window.
--   ok:<batch>:<chunk>  string  idempotency marker of an applied chunk
-- Cells and bands are hashes, read whole by slides, unions and rebuilds and written by one HMGET and one HSET
-- per key and slice of members (read-modify-write inside the script, so atomic), never a command per cell; only
-- the sets read in order or by rank (scorings, the shared latest times, the registries) are sorted sets. Values are decimal integers computed in doubles, as
-- sorted-set scores were in version 1: exact up to 2^53, beyond that rounded (a count past Long.MAX_VALUE reads
-- as Long.MAX_VALUE).
local META = KEYS[1]
local P = string.sub(META, 1, #META - 4)
local MAX_SCORINGS = 8
local VERSION = '4'

-- Globals used per member, as locals (a local is a register; a global a table lookup each time).
local format, fmod, tonumber, unpack, min = string.format, math.fmod, tonumber, unpack, math.min
local function fmt(n) return format('%.0f', n) end
local function ckey(t, b, k) return P .. 'c:' .. t .. ':' .. b .. ':' .. k end
local function rkey(t) return P .. 'r:' .. t end
local function wkey(w, k) return P .. 'w:' .. w .. ':' .. k end
local WL = P .. 'wl'
local function wskey(w, sid) return P .. 'ws:' .. w .. ':' .. sid end

-- The meta hash as a table, its scorings as a list of {sid, weights}, or an error text.
local M = {}
local S = {}
local function load_meta(hash)
  local t = redis.call('TYPE', META).ok
  if t == 'none' then
    return 'MASTHEAD-NOMETA the namespace has no layout yet (new, or Redis restarted empty)'
  end
  if t ~= 'hash' then
    return 'MASTHEAD-WRONGTYPE ' .. META .. ' holds a ' .. t .. ', not the hash of the namespace layout'
  end
  local all = redis.call('HGETALL', META)
  for i = 1, #all, 2 do
    M[all[i]] = all[i + 1]
  end
  if M['v'] ~= VERSION then
    return 'MASTHEAD-VERSION ' .. tostring(M['v'] or 'none')
  end
  if M['hash'] ~= hash then
    return 'MASTHEAD-LAYOUT ' .. tostring(M['layout'])
  end
  if M['sn'] ~= nil and not string.match(M['sn'], '^[0-9]+$') then
    return 'MASTHEAD-WRONGTYPE ' .. META .. ' field sn holds "' .. M['sn'] .. '", not a count of scorings'
  end
  for f, v in pairs(M) do
    if string.sub(f, 1, 2) == 's:' then
      local w = {}
      for x in string.gmatch(string.sub(f, 3), '[^,]+') do
        w[#w + 1] = tonumber(x)
      end
      S[#S + 1] = {sid = v, w = w}
    end
  end
  table.sort(S, function(a, b) return a.sid < b.sid end)
  return nil
end

local checked = {}
local function need(k, want, name)
  if checked[k] then
    return nil
  end
  local t = redis.call('TYPE', k).ok
  if t ~= want and t ~= 'none' then
    return 'MASTHEAD-WRONGTYPE ' .. k .. ' holds a ' .. t .. ', not ' .. name
  end
  checked[k] = true
  return nil
end
local function need_zset(k) return need(k, 'zset', 'a sorted set') end
local function need_hash(k) return need(k, 'hash', 'a hash') end

local function need_window(w, K)
  local e = need_zset(WL)
  for k = 0, K - 1 do
    e = e or need_hash(wkey(w, k))
  end
  for _, s in ipairs(S) do
    e = e or need_zset(wskey(w, s.sid))
  end
  return e
end

-- The tracked windows, read from ARGV at i: per window its tier, its target (first bucket it holds at the
-- caller's time; only if with_target), its rank by length (0: shortest; ties by position) and its tier's
-- resolution (ms). Returns the table {n, tier[w], target[w], rank[w], res[w], order[r] (the window of rank r)}
-- and the index after them.
local function windows_from(i, W, with_target)
  local win = {n = W, tier = {}, target = {}, rank = {}, res = {}, order = {}}
  for w = 0, W - 1 do
    win.tier[w] = tonumber(ARGV[i])
    i = i + 1
    if with_target then
      win.target[w] = tonumber(ARGV[i])
      i = i + 1
    end
    win.rank[w] = tonumber(ARGV[i])
    win.res[w] = tonumber(ARGV[i + 1])
    win.order[win.rank[w]] = w
    i = i + 2
  end
  return win, i
end

-- The windows whose bands make up window w's totals: w and every shorter one.
local function bands_of(win, w)
  local out = {}
  for r = 0, win.rank[w] do
    out[#out + 1] = win.order[r]
  end
  return out
end

local SLICE = 1000

-- The shift of an expiry time from the engine's clock (now, epoch ms) to this server's: 0 unless they are more than
-- a minute apart, so that a skewed node neither drops fresh buckets at once nor keeps them past their life.
local function clock_shift(now)
  local tm = redis.call('TIME')
  local server = tonumber(tm[1]) * 1000 + math.floor(tonumber(tm[2]) / 1000)
  if math.abs(server - now) > 60000 then
    return server - now
  end
  return 0
end
-- The absolute expiry (epoch ms, as text) of bucket b of a tier of resolution res, whose next coarser tier's
-- resolution is coarse and whose life (horizon + grace) is life: the end of the coarser bucket holding it plus the
-- life, shifted to the server's clock.
local function expiry_at(b, res, coarse, life, shift)
  return fmt((math.floor(b * res / coarse) + 1) * coarse + life + shift)
end

-- Sums per key and member, gathered from many cells and applied with one read and one write per key and slice
-- of members (a member met twice is summed first, so no increment is lost).
local function sums()
  return {order = {}, by = {}}
end
local function bump(acc, key, member, n)
  local a = acc.by[key]
  if a == nil then
    a = {m = {}, n = {}, at = {}}
    acc.by[key] = a
    acc.order[#acc.order + 1] = key
  end
  local i = a.at[member]
  if i == nil then
    i = #a.m + 1
    a.m[i] = member
    a.n[i] = n
    a.at[member] = i
  else
    a.n[i] = a.n[i] + n
  end
end
-- Adds the sums `a` (times mult) to one hash (zset false: HMGET, HSET) or sorted set (zset true: ZMSCORE, ZADD).
-- With drop, a member whose value falls to 0 or below is removed instead.
local function apply_one(key, a, zset, drop, mult)
  local i = 1
  while i <= #a.m do
    local j = min(i + SLICE - 1, #a.m)
    local old = redis.call(zset and 'ZMSCORE' or 'HMGET', key, unpack(a.m, i, j))
    local put, gone = {}, {}
    for x = i, j do
      local v = (tonumber(old[x - i + 1]) or 0) + a.n[x] * mult
      if drop and v <= 0 then
        gone[#gone + 1] = a.m[x]
      elseif zset then
        put[#put + 1] = format('%.0f', v)
        put[#put + 1] = a.m[x]
      else
        put[#put + 1] = a.m[x]
        put[#put + 1] = format('%.0f', v)
      end
    end
    if #put > 0 then
      redis.call(zset and 'ZADD' or 'HSET', key, unpack(put))
    end
    if #gone > 0 then
      redis.call(zset and 'ZREM' or 'HDEL', key, unpack(gone))
    end
    i = j + 1
  end
end
-- The largest count a cell of resolution res packs into one number (count x res + latest <= 2^53).
local function packable(res)
  return math.floor((9007199254740992 - res) / res) - 1
end
-- A bucket cell's count and latest event (ms after the bucket's start) from its value and its tier's resolution.
-- A value that is neither form (edited by hand; also a text whose offset is not inside the bucket, which packed
-- would carry into the count) counts as 0 at offset 0, with a warning in Redis's log naming the key and member, so
-- that no script fails half-way over it (an add fails after its marker, a slide after moving some bands); the add
-- that meets it overwrites it. Meeting one sets `unreadable`: the bands then hold a count its bucket no longer
-- has, and the scripts that can move or add cells mark the windows to be recounted (mark_recount).
local unreadable = false
local function cell_parts(v, res, key, member)
  local p = tonumber(v)
  if p and p >= 0 and p <= 9007199254740992 then
    local o = fmod(p, res) -- exact, where p % res may round
    return (p - o) / res, o
  end
  local n, o = string.match(v, '^(%d+):(%d+)$')
  if n then
    n, o = tonumber(n), tonumber(o)
    if o < res and n < math.huge then
      return n, o
    end
  end
  unreadable = true
  redis.log(redis.LOG_WARNING, 'masthead: bucket cell ' .. tostring(key) .. ' member ' .. tostring(member)
    .. ' holds "' .. string.sub(v, 1, 40) .. '", not a count: counted as 0')
  return 0, 0
end
-- A bucket cell's value from its count and latest event (ms after the bucket's start); most is the largest count
-- packed (packable(res)).
local function cell_text(n, last, res, most)
  if n <= most then
    return fmt(n * res + last)
  end
  return string.format('%.0f:%.0f', n, last)
end
-- Adds the sums `a` to one bucket's hash of cells (values as cell_text): counts add, the later time stays. a.l
-- holds each member's latest event (epoch ms); start is the bucket's start (epoch ms), res its resolution (ms).
local function apply_cells(key, a, start, res)
  local most = packable(res)
  local i = 1
  while i <= #a.m do
    local j = min(i + SLICE - 1, #a.m)
    local old = redis.call('HMGET', key, unpack(a.m, i, j))
    local put = {}
    for x = i, j do
      local n, last = a.n[x], a.l[x] - start
      local v = old[x - i + 1]
      if v then
        local p = tonumber(v) -- cell_parts, inlined for the common packed value
        local c, o
        if p and p >= 0 and p <= 9007199254740992 then
          o = fmod(p, res)
          c = (p - o) / res
        else
          c, o = cell_parts(v, res, key, a.m[x])
        end
        n = n + c
        if o > last then
          last = o
        end
      end
      put[#put + 1] = a.m[x]
      if n <= most then -- cell_text, inlined
        put[#put + 1] = format('%.0f', n * res + last)
      else
        put[#put + 1] = cell_text(n, last, res, most)
      end
    end
    redis.call('HSET', key, unpack(put))
    i = j + 1
  end
end
-- A bucket cell's count and latest event (epoch ms) from its value, the bucket's start and its tier's resolution.
local function cell_value(v, start, res, key, member)
  local n, o = cell_parts(v, res, key, member)
  return n, start + o
end
local function apply(acc, zset, drop)
  for _, key in ipairs(acc.order) do
    apply_one(key, acc.by[key], zset, drop, 1)
  end
end

-- Latest event times per sorted set, applied with one ZADD GT per set and slice (a member met twice keeps the
-- later time).
local function latest_add(acc, key, t, a)
  local l = acc.by[key]
  if l == nil then
    l = {}
    acc.by[key] = l
    acc.order[#acc.order + 1] = key
  end
  l[#l + 1] = t
  l[#l + 1] = a
end
local function latest_one(key, l)
  local i = 1
  while i <= #l do
    local j = min(i + 2 * SLICE - 1, #l)
    redis.call('ZADD', key, 'GT', unpack(l, i, j))
    i = j + 1
  end
end
local function latest_apply(acc)
  for _, key in ipairs(acc.order) do
    latest_one(key, acc.by[key])
  end
end

-- Calls a command taking a key and many members in slices, so that unpack stays within Lua's stack; returns the
-- replies' elements in order (none for a command that answers a number).
local function sliced(cmd, key, members)
  local out = {}
  local i = 1
  while i <= #members do
    local j = min(i + SLICE - 1, #members)
    local part = redis.call(cmd, key, unpack(members, i, j))
    if type(part) == 'table' then
      for x = 1, j - i + 1 do
        out[#out + 1] = part[x]
      end
    end
    i = j + 1
  end
  return out
end

-- The articles of `list` that no window of `windows` holds a count of.
local function absent(list, windows, K)
  local out = list
  for _, v in ipairs(windows) do
    for k = 0, K - 1 do
      if #out == 0 then
        return out
      end
      local got = sliced('HMGET', wkey(v, k), out)
      local left = {}
      for x = 1, #out do
        if not got[x] then
          left[#left + 1] = out[x]
        end
      end
      out = left
    end
  end
  return out
end

-- Recounts the bands of every window from the buckets left, each window from its target (or its pointer if
-- that is later), and the shared latest times from the same buckets. Checks every key it reads before the first
-- write.
local function rebuild_all(win, K)
  local tot, sacc, last = {}, sums(), {}
  for v = 0, win.n - 1 do
    local e = need_window(v, K)
    if e then
      return e
    end
    local roll = tonumber(M['roll:' .. v])
    local from = win.target[v]
    if roll ~= nil and roll > from then
      from = roll
    end
    local tv = win.tier[v]
    e = need_zset(rkey(tv))
    if e then
      return e
    end
    tot[v] = {}
    for k = 0, K - 1 do
      tot[v][k] = {}
    end
    for _, b in ipairs(redis.call('ZRANGEBYSCORE', rkey(tv), fmt(from), '+inf')) do
      for k = 0, K - 1 do
        e = need_hash(ckey(tv, b, k))
        if e then
          return e
        end
        local cells = redis.call('HGETALL', ckey(tv, b, k))
        local t = tot[v][k]
        local start = b * win.res[v]
        for i = 1, #cells, 2 do
          local a = cells[i]
          local n, at = cell_value(cells[i + 1], start, win.res[v], ckey(tv, b, k), a)
          if n > 0 then -- an unreadable cell (0) neither holds the article nor moves its latest event
            t[a] = (t[a] or 0) + n
            if last[a] == nil or at > last[a] then
              last[a] = at
            end
          end
        end
      end
    end
  end
  for v = 0, win.n - 1 do
    for k = 0, K - 1 do
      redis.call('DEL', wkey(v, k))
    end
    for _, s in ipairs(S) do
      redis.call('DEL', wskey(v, s.sid))
    end
  end
  redis.call('DEL', WL)
  -- the band of a window: its totals less the next shorter window's
  local bands = sums()
  for r = 0, win.n - 1 do
    local v = win.order[r]
    local shorter = r > 0 and tot[win.order[r - 1]] or nil
    for k = 0, K - 1 do
      for a, n in pairs(tot[v][k]) do
        local x = n - (shorter and shorter[k][a] or 0)
        if x > 0 then
          bump(bands, wkey(v, k), a, x)
          for _, s in ipairs(S) do -- the band's scores, from the same counts
            bump(sacc, wskey(v, s.sid), a, x * s.w[k + 1])
          end
        end
      end
    end
  end
  apply(bands, false, false)
  apply(sacc, true, false)
  local l = sums()
  for a, t in pairs(last) do
    latest_add(l, WL, fmt(t), a)
  end
  latest_apply(l)
  for v = 0, win.n - 1 do
    local roll = tonumber(M['roll:' .. v])
    if roll == nil or win.target[v] > roll then
      redis.call('HSET', META, 'roll:' .. v, fmt(win.target[v]))
      M['roll:' .. v] = fmt(win.target[v])
    end
  end
  return nil
end

-- Marks every tracked window to be recounted at the next slide (an unreadable cell was met, see cell_parts).
local function mark_recount(W)
  for v = 0, W - 1 do
    redis.call('HSET', META, 'rebuild:' .. v, '1')
    M['rebuild:' .. v] = '1'
  end
end

-- Recounts every window (rebuild_all) and clears their marks.
local function recount_all(win, K)
  local e = rebuild_all(win, K)
  if e then
    return e
  end
  for v = 0, win.n - 1 do
    if M['rebuild:' .. v] then
      redis.call('HDEL', META, 'rebuild:' .. v)
      M['rebuild:' .. v] = nil
    end
  end
  return nil
end

-- Slides every tracked window, shortest first, so that each holds the buckets from its target on: the cells of
-- a bucket that leaves window v move from v's band to the next longer window's band (or leave the totals, for
-- the longest), exactly once, because the pointer roll:<v> moves in the same atomic step. A target at or before
-- the pointer changes nothing, so the pointers only move forward and the windows stay nested. If a bucket that
-- should leave has already expired (every engine was down past its end of life), or the meta hash was recreated
-- over buckets left behind, every window is recounted from the buckets that remain.
local function slide_all(win, K)
  local recount = false
  for v = 0, win.n - 1 do
    -- A window without a readable pointer is recounted: a new namespace has none (its recount reads its few
    -- buckets once), but one whose pointer was deleted or edited would otherwise slide from the first bucket and
    -- move into the longer bands cells they already hold.
    recount = recount or M['rebuild:' .. v] ~= nil or tonumber(M['roll:' .. v]) == nil
  end
  local leaving = {}
  local e = nil
  local moving = recount
  for v = 0, win.n - 1 do
    local roll = tonumber(M['roll:' .. v])
    moving = moving or roll == nil or win.target[v] > roll
  end
  if not moving then
    return nil
  end
  for v = 0, win.n - 1 do -- a slide reads and writes every window's band: check them all before the first write
    e = e or need_window(v, K) or need_zset(rkey(win.tier[v]))
  end
  if e then
    return e
  end
  for v = 0, win.n - 1 do
    local roll = tonumber(M['roll:' .. v])
    leaving[v] = {}
    if recount or roll == nil or win.target[v] > roll then
      if not recount then
        -- (A window without a pointer is recounted above.)
        local tv = win.tier[v]
        leaving[v] = redis.call('ZRANGEBYSCORE', rkey(tv), roll == nil and '-inf' or fmt(roll),
          '(' .. fmt(win.target[v]))
        for _, b in ipairs(leaving[v]) do
          local held = false -- a bucket's keys expire together: none left, the bucket is lost
          for k = 0, K - 1 do
            e = e or need_hash(ckey(tv, b, k))
            held = held or redis.call('EXISTS', ckey(tv, b, k)) == 1
          end
          if not held then
            recount = true
          end
        end
        if e then
          return e
        end
      end
    end
  end
  if recount then
    return recount_all(win, K)
  end
  for r = 0, win.n - 1 do
    local v = win.order[r]
    if #leaving[v] > 0 then
      local longer = win.order[r + 1]
      local out, into, sacc = sums(), sums(), sums()
      local touched, seen = {}, {}
      local tv = win.tier[v]
      for _, b in ipairs(leaving[v]) do
        for k = 0, K - 1 do
          local cells = redis.call('HGETALL', ckey(tv, b, k))
          for i = 1, #cells, 2 do
            local a = cells[i]
            local n = cell_value(cells[i + 1], 0, win.res[v], ckey(tv, b, k), a)
            bump(out, wkey(v, k), a, -n)
            if longer ~= nil then
              bump(into, wkey(longer, k), a, n)
            end
            for _, s in ipairs(S) do -- the scores move with the counts (a zero too: the longer band holds it now)
              local x = n * s.w[k + 1]
              if x ~= 0 then
                bump(sacc, wskey(v, s.sid), a, -x)
              end
              if longer ~= nil then
                bump(sacc, wskey(longer, s.sid), a, x)
              end
            end
            if not seen[a] then
              seen[a] = true
              touched[#touched + 1] = a
            end
          end
        end
      end
      apply(out, false, true)
      apply(into, false, false)
      apply(sacc, true, false)
      -- An article with nothing left in the band leaves the band's scorings, and the shared latest times once no
      -- band holds it.
      local gone = absent(touched, {v}, K)
      if #gone > 0 then
        for _, s in ipairs(S) do
          sliced('ZREM', wskey(v, s.sid), gone)
        end
        if longer == nil then -- shorter windows' articles moved into longer bands: gone from the longest is gone
          gone = absent(gone, bands_of(win, v), K)
          if #gone > 0 then
            sliced('ZREM', WL, gone)
          end
        end
      end
    end
  end
  for v = 0, win.n - 1 do
    local roll = tonumber(M['roll:' .. v])
    if roll == nil or win.target[v] > roll then
      redis.call('HSET', META, 'roll:' .. v, fmt(win.target[v]))
      M['roll:' .. v] = fmt(win.target[v])
    end
  end
  if unreadable then
    -- a cell edited by hand moved as 0 out of a band that holds its count: recount every window now (marked
    -- first, so that a recount refused over a key of the wrong type is tried again at the next slide)
    mark_recount(win.n)
    return recount_all(win, K)
  end
  return nil
end
