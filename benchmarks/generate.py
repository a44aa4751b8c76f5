"""Write a synthetic data set shaped like the real plan, that validates cleanly, with about N items: the
benchmark measures the normal case, a valid plan validated in full (tests/test_benchmark_data.py
validates a small generated set, so the generator cannot drift into writing invalid data again).

    python benchmarks/generate.py --items 10000 --out /tmp/bench-10k

Items are split like a large plan: 40% tasks, 5% section IV duties, 35% review rows, 20% inspection
rows, with units and groups scaled to match, Vietnamese text, aliases, and deadline phrases of every
kind the parser reads.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = [
    "Nội vụ",
    "Tài chính",
    "Xây dựng",
    "Giao thông",
    "Thủy lợi",
    "Đường bộ",
    "Khoa học",
    "Công nghệ",
    "Giáo dục",
    "Y tế",
    "Văn hóa",
    "Du lịch",
    "Môi trường",
    "Đất đai",
    "Khoáng sản",
    "Lao động",
    "Thương binh",
    "Xã hội",
    "Nông nghiệp",
    "Lâm nghiệp",
    "Hộ tịch",
    "Công chứng",
    "Bưu chính",
]
PLACES = [
    "Bình Giang",
    "Cẩm Giàng",
    "Gia Lộc",
    "Kim Thành",
    "Nam Sách",
    "Ninh Giang",
    "Thanh Hà",
    "Thanh Miện",
    "Tứ Kỳ",
    "Kinh Môn",
    "Chí Linh",
    "Hồng Châu",
    "Đông Triều",
    "Phú Thái",
]
PHRASES = [
    "Trước ngày {d}/{m}/2021",
    "Trước ngày {d} tháng {m} năm 2021.",
    "Chậm nhất ngày {d:02d}-{m:02d}-2021",
    "Xong trước tháng {m2} năm 2021.",
    "Tháng {m}/2021",
    "Trong tháng {m} năm 2021",
    "Từ tháng {m} đến tháng {m3} năm 2021.",
    "Quý {q} năm 2021.",
    "6 tháng đầu năm 2021",
    "Năm 2021",
    "Cuối năm 2021",
    "Thường xuyên năm 2021.",
    "Thường xuyên trong năm 2021.",
    "Hằng quý",
    "trước ngày 15 hàng tháng",
]
ROMAN = ["I", "II", "III", "IV"]


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def phrase(rng: random.Random) -> str:
    m = rng.randint(1, 12)
    return rng.choice(PHRASES).format(
        d=rng.randint(1, 28), m=m, m2=rng.randint(2, 12), m3=rng.randint(m, 12), q=rng.choice(ROMAN)
    )


def generate(n: int, out: Path, seed: int = 2021) -> dict[str, int]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    n_tasks, n_duties = max(2, n * 40 // 100), max(1, n * 5 // 100)
    n_review, n_inspection = max(1, n * 35 // 100), max(2, n * 20 // 100)
    n_depts, n_districts = max(16, n // 60), max(12, n // 120)

    depts = [
        f"Sở {WORDS[i % len(WORDS)]} và {WORDS[(i * 7 + 3) % len(WORDS)]} số {i + 1}" for i in range(n_depts)
    ]
    districts = [f"UBND huyện {PLACES[i % len(PLACES)]} {i + 1}" for i in range(n_districts)]
    units = [
        "# yaml-language-server: $schema=schemas/units.schema.json",
        "units:",
        "  - name: Văn phòng UBND tỉnh",
        "    type: office",
        "    aliases: [VP UBND tỉnh]",
    ]
    for i, name in enumerate(depts):
        units += [f"  - name: {name}", "    type: department", f"    aliases: [Sở viết tắt {i + 1}]"]
    for name in districts:
        units += [f"  - name: {name}", "    type: district"]
    chunk = 100
    provincial_groups = [f"Nhóm sở, ban, ngành số {g + 1}" for g in range(0, n_depts, chunk)]
    units.append("groups:")
    for g, name in enumerate(provincial_groups):
        units += [f"  - name: {name}", "    kind: listed", "    members:"]
        units += [f"      - {d}" for d in depts[g * chunk : (g + 1) * chunk]]
    units += [
        "  - name: UBND cấp huyện",
        "    kind: listed",
        "    aliases:",
        "      - UBND các huyện, thị xã, thành phố",
        "    members:",
    ] + [f"      - {d}" for d in districts]
    units += [
        "  - name: UBND cấp xã",
        "    kind: collective",
        "  - name: Các cơ quan được giao rà soát (Phụ lục I)",
        "    kind: appendix",
        "    appendix: review",
        "  - name: Các cơ quan được kiểm tra (Phụ lục II)",
        "    kind: appendix",
        "    appendix: inspection",
        "  - name: Các cơ quan, đơn vị, địa phương có liên quan",
        "    kind: open",
        "  - name: Một số sở, ngành có liên quan",
        "    kind: open",
        "    scope:",
        f"      - {provincial_groups[0]}",
    ]
    refs = [
        "Văn phòng UBND tỉnh",
        "VP UBND tỉnh",
        "UBND cấp huyện",
        "UBND cấp xã",
        "Các cơ quan, đơn vị, địa phương có liên quan",
        "Một số sở, ngành có liên quan",
        *provincial_groups,
    ]

    def some_refs(k: int) -> list[str]:
        pool = [rng.choice(refs) if rng.random() < 0.4 else rng.choice(depts + districts) for _ in range(k)]
        return list(dict.fromkeys(pool))

    plan = [
        "# yaml-language-server: $schema=schemas/plan.schema.json",
        "decision:",
        "  number: null",
        '  number_text: "Số: /QĐ-UBND"',
        "  date: null",
        '  date_text: "Hải Dương, ngày tháng 02 năm 2021"',
        "  issuer: Chủ tịch Ủy ban nhân dân tỉnh",
        "  title: Kế hoạch tổng hợp (dữ liệu thử nghiệm)",
        "  signer: Người ký",
        "  signer_title: Chủ tịch",
        "plan:",
        "  title: Kế hoạch KSTTHC (tổng hợp)",
        "  year: 2021",
        "groupings:",
    ]
    groups_n = max(1, n_tasks // 10)
    plan += [
        f'  - number: "{g + 1}"\n    title: Nhóm nhiệm vụ {g + 1} về cải cách thủ tục hành chính'
        for g in range(groups_n)
    ]
    plan.append("tasks:")
    for t in range(n_tasks):
        g, sub = divmod(t, 10)
        lead, support = some_refs(rng.randint(1, 2)), some_refs(rng.randint(0, 3))
        plan += [
            f'  - number: "{g + 1}.{sub + 1}"',
            f'    grouping: "{g + 1}"',
            f"    title: {q(f'Nhiệm vụ {t + 1}: rà soát, đơn giản hóa TTHC lĩnh vực {rng.choice(WORDS)}')}",
            "    content:",
            f"      - {q('Theo dõi, đôn đốc, hướng dẫn; báo cáo định kỳ quý, năm.')}",
            "    lead:",
            f"      text: {q(', '.join(lead))}",
            "      refs:",
        ]
        plan += [f"        - {r}" for r in lead]
        if support:
            plan += ["    support:", f"      text: {q(', '.join(support))}", "      refs:"]
            plan += [f"        - {r}" for r in support]
        plan += [
            "    deadline:",
            f"      text: {q(phrase(rng))}",
            f"    deliverable: {q('Báo cáo, văn bản hành chính.')}",
        ]
        if t == 0:
            plan.append("    appendix: review")
        if t == 1:
            plan.append("    appendix: inspection")
    plan.append("duties:")
    for d in range(n_duties):
        lead = some_refs(rng.randint(1, 3))
        plan += [
            f"  - number: IV.{d + 1}",
            f"    text: {q(f'Trách nhiệm {d + 1}: xây dựng kế hoạch và báo cáo kết quả thực hiện.')}",
            "    lead:",
            "      refs:",
        ] + [f"        - {r}" for r in lead]

    review = [
        "# yaml-language-server: $schema=schemas/appendix.schema.json",
        "title: Rà soát, đánh giá thủ tục hành chính năm 2021",
        'task: "1.1"',
        "rows:",
    ]
    for r in range(n_review):
        unit = rng.choice(depts)
        domains = rng.sample(WORDS, rng.randint(1, 4))
        review += (
            [
                f"  - stt: {r + 1}",
                f"    unit: {unit}",
                f"    text: {q(f'{unit} Thủ tục hành chính các lĩnh vực: ' + '; '.join(domains) + '.')}",
                "    domains:",
            ]
            + [f"      - {w}" for w in domains]
            + ["    deadline:", f"      text: Trước ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/2021"]
        )
    review += ["notes:", "  - Các cơ quan, đơn vị tổ chức rà soát, đánh giá từng thủ tục hành chính."]

    inspection = [
        "# yaml-language-server: $schema=schemas/appendix.schema.json",
        "title: Kiểm tra công tác kiểm soát thủ tục hành chính",
        'task: "1.2"',
        "blocks:",
    ]
    half = n_inspection // 2
    for b, (title, pool, count) in enumerate(
        [("KHỐI CÁC SỞ, BAN, NGÀNH", depts, half), ("KHỐI CẤP HUYỆN", districts, n_inspection - half)]
    ):
        inspection += [f"  - block: {ROMAN[b]}", f"    title: {title}", "    rows:"]
        inspection += [f"      - {{stt: {i + 1}, unit: {rng.choice(pool)}}}" for i in range(count)]
        inspection += ["    notes:", f"      - text: Kiểm tra từ 3 - 5 đơn vị\n        rows: [1, {count}]"]

    files = {
        "plan.yaml": plan,
        "appendix_review.yaml": review,
        "appendix_inspection.yaml": inspection,
        "units.yaml": units,
    }
    for name, lines in files.items():
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "progress.yaml").write_text(
        "# yaml-language-server: $schema=schemas/progress.schema.json\nentries:\n", encoding="utf-8"
    )
    return {
        "tasks": n_tasks,
        "duties": n_duties,
        "review": n_review,
        "inspection": n_inspection,
        "items": n_tasks + n_duties + n_review + n_inspection,
        "units": 1 + n_depts + n_districts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    counts = generate(args.items, args.out, args.seed)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
