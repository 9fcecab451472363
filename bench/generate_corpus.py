#!/usr/bin/env python3
"""Generates a benchmark corpus of N plans from the five real plans in Content/, varied the
way real plans vary: province, plan number, slug, dates, deadlines, responsible agencies and
local document numbers. Writes a PlanSite site (Content/) and the same Markdown as a Hugo site
(hugo/) with agencies and documents as taxonomies.

    python3 bench/generate_corpus.py 1000 bench/out/1000
"""
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROVINCES = """An Giang, Bà Rịa - Vũng Tàu, Bạc Liêu, Bắc Giang, Bắc Kạn, Bắc Ninh, Bến Tre, Bình Dương, Bình Định,
Bình Phước, Bình Thuận, Cà Mau, Cao Bằng, Cần Thơ, Đà Nẵng, Đắk Lắk, Đắk Nông, Điện Biên, Đồng Nai, Đồng Tháp,
Gia Lai, Hà Giang, Hà Nam, Hà Nội, Hà Tĩnh, Hải Dương, Hải Phòng, Hậu Giang, Hòa Bình, Hưng Yên, Khánh Hòa,
Kiên Giang, Kon Tum, Lai Châu, Lâm Đồng, Lạng Sơn, Lào Cai, Long An, Nam Định, Nghệ An, Ninh Bình, Ninh Thuận,
Phú Thọ, Phú Yên, Quảng Bình, Quảng Nam, Quảng Ngãi, Quảng Ninh, Quảng Trị, Sóc Trăng, Sơn La, Tây Ninh,
Thái Bình, Thái Nguyên, Thanh Hóa, Thừa Thiên Huế, Tiền Giang, Trà Vinh, Tuyên Quang, Vĩnh Long, Vĩnh Phúc,
Yên Bái, TP. Hồ Chí Minh""".replace("\n", " ").split(", ")
SWAPPABLE = ["Sở Tư pháp", "Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Ngoại vụ", "Sở Tài chính",
             "Sở Thông tin và Truyền thông", "Thanh tra tỉnh", "Công an tỉnh"]
NUMBER = re.compile(r"(?<![\w/-])(\d{1,5})\s*([-/])\s*([A-ZĐ][A-Za-zĐđ]{0,5})\s*([-/])\s*([A-ZĐ][A-ZĐ0-9]{0,9})")


def slug(text):
    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    folded = "".join(c for c in folded if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def split(text):
    _, front, body = text.split("---\n", 2)
    return front, body


def vary(front, body, index, rng, agencies):
    province = PROVINCES[index % len(PROVINCES)]
    old = re.search(r'province: "([^"]+)"', front).group(1)
    front = front.replace(old, province)
    body = body.replace(old, province)
    year = rng.choice([2023, 2024, 2025, 2026])
    front = re.sub(r"\ndate: .*", "", front) + f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
    front = re.sub(r"\nnumber: .*", "", front) + f'number: "{rng.randint(1, 400)}-KH/TU"\n'
    front += f"slug: {slug(province)}-{index}\n"
    # Deadlines move by up to three years.
    body = re.sub(r"((?:năm|Quý [IV]+/|quý [IV]+/|tháng \d{1,2}/|\d{1,2}/\d{1,2}/) ?)(202[3-6])",
                  lambda m: m.group(1) + str(int(m.group(2)) + rng.randint(0, 3)), body)
    # A province's own documents get its own numbers.
    body = NUMBER.sub(lambda m: m.group(0) if m.group(5) in ("TW", "CP", "BCĐTW", "BNCTW") else
                      f"{rng.randint(1, 999)}{m.group(2)}{m.group(3)}{m.group(4)}{m.group(5)}", body)
    # Some tasks go to other departments.
    for name in SWAPPABLE:
        if name in body and rng.random() < 0.5:
            body = body.replace(name, rng.choice(SWAPPABLE))
    return front, body, province


def hugo_front(front, body, agencies):
    present = sorted({a for a in agencies if a in body})
    documents = sorted({f"{m.group(1)}-{m.group(3)}/{m.group(5)}" for m in NUMBER.finditer(body)})
    lines = [line for line in front.splitlines() if not line.startswith("slug:")]
    lines.append("agencies: [" + ", ".join(f'"{a}"' for a in present) + "]")
    lines.append("documents: [" + ", ".join(f'"{d}"' for d in documents) + "]")
    return "\n".join(lines) + "\n"


HUGO_CONFIG = """baseURL = "/"
title = "Kế hoạch"
disableKinds = ["RSS", "sitemap"]
[taxonomies]
agency = "agencies"
document = "documents"
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html lang=\"vi\"><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}"
                            "<ul>{{ range .GetTerms \"agencies\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>"
                            "<ul>{{ range .GetTerms \"documents\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    "_default/terms.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}",
    "index.html": "{{ define \"main\" }}<ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
}


def main():
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    seeds = sorted((ROOT / "Content").glob("*.md"))
    agencies = re.findall(r'^- name: "([^"]+)"', (ROOT / "Content" / "agencies.yml").read_text(), re.M)
    if out.exists():
        shutil.rmtree(out)
    content, hugo = out / "Content", out / "hugo"
    content.mkdir(parents=True)
    (hugo / "content" / "ke-hoach").mkdir(parents=True)
    for name in ("agencies.yml", "documents.yml", "site.yml"):
        shutil.copy(ROOT / "Content" / name, content / name)
    rng = random.Random(20261122)
    texts = [split(p.read_text()) for p in seeds]
    for index in range(count):
        front, body = texts[index % len(texts)]
        front, body, province = vary(front, body, index, rng, agencies)
        name = f"{slug(province)}-{index}.md"
        (content / name).write_text(f"---\n{front}---\n{body}")
        (hugo / "content" / "ke-hoach" / name).write_text(f"---\n{hugo_front(front, body, agencies)}---\n{body}")
    (hugo / "config.toml").write_text(HUGO_CONFIG)
    for path, text in HUGO_LAYOUTS.items():
        (hugo / "layouts" / path).parent.mkdir(parents=True, exist_ok=True)
        (hugo / "layouts" / path).write_text(text)
    print(f"{count} plans in {content} and {hugo}")


if __name__ == "__main__":
    main()
