#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make the Traditional Chinese (Hong Kong) texts from the Simplified ones.

Run by hand after zh_CN texts change; the output is committed and the build
never runs OpenCC. It converts with `opencc -c s2hk`, then applies HK_USAGE:
the words Hong Kong writes differently, not just in other characters (s2hk
keeps mainland words such as 视频 → 視頻 where Hong Kong says 影片). Fix a
word in HK_USAGE and run the script again, never in its output, so a run for
new strings keeps every fix.

  po/zh_CN.po               → po/zh_HK.po (msgstr only; msgids stay)
  data/rules/rules.json     → a "zh_HK" member after each {"zh_CN", "en"}
  the files that call retract_text_chinese_phrase()
                            → src/core/retract-hant-phrases.h, the Chinese
                              literals of their fixed sentences

  build-aux/make-zh-hk.py          write the three
  build-aux/make-zh-hk.py --check  exit 1 when one of them is out of date
"""

import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The files whose fixed Chinese sentences go through
# retract_text_chinese_phrase() (PHRASE (…, "中文", "English") and the like):
# every source file that calls it, directly or through a macro of a private
# header it includes (a type split over files, as the letter and its
# renderer are), found afresh on each run.
def phrase_sources():
    texts = {}
    for folder, _, names in sorted(os.walk(os.path.join(ROOT, 'src'))):
        for name in sorted(names):
            if name.endswith(('.c', '.h')) and not name.startswith('retract-text.'):
                with open(os.path.join(folder, name), encoding='utf-8') as f:
                    texts[name] = (os.path.relpath(os.path.join(folder, name), ROOT), f.read())
    headers = [name for name, (_, text) in texts.items()
               if name.endswith('.h') and 'retract_text_chinese_phrase' in text]
    found = []
    for name, (path, text) in sorted(texts.items(), key=lambda item: item[1][0]):
        if not name.endswith('.c'):
            continue
        if 'retract_text_chinese_phrase' in text or \
           any('#include "%s"' % header in text for header in headers):
            found.append(path)
    return found

# Hong Kong usage, applied in this order to s2hk's output (regular
# expressions). Longer words first where one contains another.
HK_USAGE = [
    ('電子郵件', '電郵'),
    ('郵箱', '電郵地址'),
    ('短信', '短訊'),
    ('視頻', '影片'),
    ('文件夾', '資料夾'),
    ('默認', '預設'),
    ('設置', '設定'),
    ('菜單', '選單'),
    ('鏈接', '連結'),
    ('導出', '匯出'),
    ('導入', '匯入'),
    ('粘貼', '貼上'),
    ('點擊', '按'),
    ('數據集', '資料集'),
    ('數據', '資料'),
    ('賬', '帳'),
    ('質量', '質素'),
    ('屏幕', '螢幕'),
    ('全屏', '全螢幕'),
    ('鼠標', '滑鼠'),
    ('光標', '游標'),
    ('信息來源', '資訊來源'),
    ('信息', '資料'),
    ('文件名', '檔案名稱'),
    ('文件', '檔案'),
    ('保存', '儲存'),
    ('時間窗口', '時限'),
    ('彈窗', '彈出視窗'),
    ('窗口', '視窗'),
    ('運行', '執行'),
    ('加載', '載入'),
    ('支持', '支援'),
    ('服務器', '伺服器'),
    ('搜索', '搜尋'),
    ('登錄', '登入'),
    ('這台電腦', '這部電腦'),
    ('台電腦', '部電腦'),
    ('小程序', '小程式'),
    ('響應', '回應'),
    ('聯繫', '聯絡'),
    ('身份證號(?!碼)', '身份證號碼'),
    ('手機號(?!碼)', '手機號碼'),
    ('案例', '個案'),
    ('複核', '覆核'),
    ('複查', '覆查'),
    ('香港居民身份證', '香港身份證'),
    ('錄屏', '螢幕錄影'),
    ('通過([「%])', r'透過\1'),
    # Hong Kong quotes with corner brackets.
    ('“', '「'),
    ('”', '」'),
]


def opencc(texts):
    """Converts each of @texts (no newline in any) with s2hk, then HK_USAGE."""
    if not texts:
        return []
    for text in texts:
        assert '\n' not in text, text
    result = subprocess.run(['opencc', '-c', 's2hk'], input='\n'.join(texts) + '\n',
                            capture_output=True, text=True, check=True)
    out = result.stdout.split('\n')
    if out and out[-1] == '':
        out.pop()
    if len(out) != len(texts):
        sys.exit('opencc returned %d lines for %d' % (len(out), len(texts)))
    converted = []
    for line in out:
        for simplified, hong_kong in HK_USAGE:
            line = re.sub(simplified, hong_kong, line)
        converted.append(line)
    return converted


# ---- po/zh_HK.po ----

PO_STRING = re.compile(r'^((?:#~ )?(?:msgstr(?:\[\d+\])? )?)"(.*)"$')


def make_po(text):
    lines = text.split('\n')
    in_msgstr = False
    in_header = False
    positions = []
    for i, line in enumerate(lines):
        bare = line[3:] if line.startswith('#~ ') else line
        if bare.startswith('msgid '):
            in_msgstr = False
            in_header = bare == 'msgid ""' and i + 1 < len(lines) and \
                lines[i + 1] == 'msgstr ""' and not positions
        elif bare.startswith('msgstr'):
            in_msgstr = True
        elif not bare.startswith('"'):
            in_msgstr = False
        if in_msgstr and not in_header:
            match = PO_STRING.match(line)
            if match and match.group(2):
                positions.append((i, match.group(1)))
    converted = opencc([PO_STRING.match(lines[i]).group(2) for i, _ in positions])
    for (i, prefix), value in zip(positions, converted):
        lines[i] = '%s"%s"' % (prefix, value)

    out = '\n'.join(lines)
    out = out.replace('# Simplified Chinese translation for retract.',
                      '# Traditional Chinese (Hong Kong) translation for retract.\n'
                      '# Made from zh_CN.po by build-aux/make-zh-hk.py (OpenCC s2hk and Hong\n'
                      '# Kong usage): fix words in that script, then run it again.', 1)
    out = out.replace('"Language-Team: Chinese (simplified)\\n"',
                      '"Language-Team: Chinese (Hong Kong)\\n"', 1)
    out = out.replace('"Language: zh_CN\\n"', '"Language: zh_HK\\n"', 1)
    return out


# ---- data/rules/rules.json ----

JSON_STRING = r'"(?:[^"\\]|\\.)*"'
# {"zh_CN": …, "en": …} on one line or one member a line, and the zh_HK
# member an earlier run added (replaced, so a run is repeatable).
JSON_TEXT = re.compile(r'"zh_CN":(\s*)(' + JSON_STRING + r')(,\s*)"en":\s*' + JSON_STRING +
                       r'(?:,\s*"zh_HK":\s*' + JSON_STRING + r')?')


def make_rules(text):
    matches = list(JSON_TEXT.finditer(text))
    values = opencc([m.group(2)[1:-1] for m in matches])
    out = []
    last = 0
    for match, value in zip(matches, values):
        whole = match.group(0)
        en_part = re.match(r'"zh_CN":\s*' + JSON_STRING + r',\s*"en":\s*' + JSON_STRING,
                           whole).group(0)
        out.append(text[last:match.start()])
        out.append(en_part + match.group(3) + '"zh_HK":' + match.group(1) + '"' + value + '"')
        last = match.end()
    out.append(text[last:])
    return ''.join(out)


# ---- src/core/retract-hant-phrases.h ----

C_TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|\s+|.',
                     re.S)


def c_literals(source):
    """The string literals of @source, adjacent ones joined, as written."""
    literals = []
    current = None
    for match in C_TOKEN.finditer(source):
        token = match.group(0)
        if token.startswith('"'):
            current = (current or '') + token[1:-1]
        elif token.isspace() or token.startswith('//') or token.startswith('/*'):
            continue
        else:
            if current is not None:
                literals.append(current)
            current = None
    if current is not None:
        literals.append(current)
    return literals


def make_phrases():
    phrases = []
    sources = phrase_sources()
    for name in sources:
        with open(os.path.join(ROOT, name), encoding='utf-8') as f:
            for literal in c_literals(f.read()):
                if any(ord(c) >= 0x2e80 for c in literal) and literal not in phrases:
                    phrases.append(literal)
    converted = opencc(phrases)
    lines = [
        '/* SPDX-License-Identifier: GPL-3.0-or-later */',
        '',
        '/* Made by build-aux/make-zh-hk.py from the Chinese literals of',
    ]
    lines += [' * %s%s' % (name, ',' if i + 1 < len(sources) else ':')
              for i, name in enumerate(sources)]
    lines += [
        ' * each Simplified sentence and its Traditional (Hong Kong) form. Do not edit:',
        ' * fix a word in the script and run it again. */',
        '',
        '#pragma once',
        '',
        'static const struct',
        '{',
        '  const char *zh_CN;',
        '  const char *zh_HK;',
        '} retract_hant_phrases[] = {',
    ]
    for simplified, traditional in zip(phrases, converted):
        if simplified != traditional:
            lines.append('  { "%s",' % simplified)
            lines.append('    "%s" },' % traditional)
    lines.append('};')
    return '\n'.join(lines) + '\n'


def main():
    check = '--check' in sys.argv[1:]
    with open(os.path.join(ROOT, 'po/zh_CN.po'), encoding='utf-8') as f:
        po = make_po(f.read())
    with open(os.path.join(ROOT, 'data/rules/rules.json'), encoding='utf-8') as f:
        rules = make_rules(f.read())
    outputs = {
        'po/zh_HK.po': po,
        'data/rules/rules.json': rules,
        'src/core/retract-hant-phrases.h': make_phrases(),
    }
    stale = []
    for name, text in outputs.items():
        path = os.path.join(ROOT, name)
        old = None
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                old = f.read()
        if old == text:
            continue
        stale.append(name)
        if not check:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
    for name in stale:
        print(('out of date: ' if check else 'wrote ') + name)
    return 1 if check and stale else 0


if __name__ == '__main__':
    sys.exit(main())
