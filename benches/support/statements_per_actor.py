#!/usr/bin/env python3
"""A repository with one dossier whose one actor (nederland) has N statements at two meetings
(2023-10, 2023-12): the same sentences with 5 % removed, 10 % reworded by a word, 5 % added and
every 50th pair swapped. Constructed for benchmarks; no official text. Issue 18: "diff/timeline
are quadratic in statements per actor".

    python3 benches/support/statements_per_actor.py 3000 /tmp/spa3000
    /usr/bin/time -v jbz-track --repo /tmp/spa3000 diff 2023-10 2023-12 --format json >/dev/null
"""
import random, sys, os
n = int(sys.argv[1]); root = sys.argv[2]
random.seed(n)
vocab = ["Nederland","steunt","het","voorstel","de","Commissie","waarborgen","privacy","detectie","lidstaten","compromis","raad","onderhandelingen","akkoord","belang","flexibiliteit","richtlijn","verordening","toezicht","grooming","materiaal","evenwicht","uitvoering","kabinet","positie","tekst","artikel","clausule","overgang","termijn"]
def sent(k):
    w = [random.choice(vocab) for _ in range(18)]
    return " ".join(w).capitalize() + f" nummer {k}."
old = [sent(k) for k in range(n)]
new = []
for k, s in enumerate(old):
    r = random.random()
    if r < 0.05: continue
    if r < 0.15:
        w = s.split(); w[random.randrange(len(w)-2)] = "gewijzigd"; s = " ".join(w)
    new.append(s)
    if random.random() < 0.05: new.append(sent(n + k))
for i in range(0, len(new)-1, 50): new[i], new[i+1] = new[i+1], new[i]
def write(meeting, start, end, stmts):
    d = os.path.join(root, "snapshots", "bulk"); os.makedirs(d, exist_ok=True)
    os.makedirs(os.path.join(root, "reports"), exist_ok=True)
    with open(os.path.join(d, meeting + ".yaml"), "w") as f:
        f.write(f"""schema: 1
dossier:
  id: bulk
  title: Bulk
meeting:
  id: {meeting}
  council: JBZ-Raad
  start: {start}
  end: {end}
source:
  path: reports/x-{meeting}.txt
  kind: verslag
  sha256: {'0'*64}
items: []
highlights: []
positions:
- actor: nederland
  statements:
""")
        for s in stmts: f.write(f"  - {s}\n")
        f.write("timeline: []\nreferences: []\n")
write("2023-10", "2023-10-19", "2023-10-20", old)
write("2023-12", "2023-12-04", "2023-12-05", new)
