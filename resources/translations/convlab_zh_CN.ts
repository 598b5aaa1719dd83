<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>LanguageMenu</name>
        <message>
            <location filename="../../convlab/qt/i18n.py" line="130" />
            <source>&amp;Language</source>
            <extracomment>code → the language's own name (never translated: a reader must find their own).</extracomment>
            <translation>语言(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../convlab/qt/messages.py" line="35" />
            <source>{w_name} takes one number or a pair (h, w); got {value}</source>
            <translation>{w_name}应为一个数或一对数 (h, w)；收到的是 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="36" />
            <source>{w_name} must be at least 1 in each direction (got {h}×{w}); {w_name} 1 means the window moves one pixel at a time</source>
            <translation>{w_name}在每个方向上都至少为 1（当前为 {h}×{w}）；{w_name}为 1 表示窗口每次移动一个像素</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="38" />
            <source>padding takes one number, (rows, columns) or (top, bottom, left, right); got {value}</source>
            <translation>填充应为一个数、(行, 列) 或 (上, 下, 左, 右)；收到的是 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="40" />
            <source>padding cannot be negative (got {sides}); use 0 for no padding</source>
            <translation>填充不能为负数（当前为 {sides}）；不填充请用 0</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="42" />
            <source>padding {value} is not known; use 'valid', 'same' or numbers</source>
            <translation>未知的填充 {value}；请用 'valid'、'same' 或数字</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="44" />
            <source>reflect padding of {p} on the {w_side} needs more than {p} {w_axis} of input, but there are {n}; use at most {m} or choose replicate or zeros padding</source>
            <translation>{w_side}的反射填充为 {p}，输入需要多于 {p} {w_axis}，但只有 {n}；最多用 {m}，或改用复制填充或零填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="47" />
            <source>the kernel is {kh}×{kw} but the padded input is {ph}×{pw}, so the output would be empty; add padding or shrink the kernel</source>
            <translation>卷积核为 {kh}×{kw}，但填充后的输入只有 {ph}×{pw}，输出将为空；请增加填充或缩小卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="50" />
            <source>the kernel spans {eh}×{ew} with dilation {d} but the padded input is {ph}×{pw}, so the output would be empty; add padding or shrink the kernel or its dilation</source>
            <translation>膨胀为 {d} 时卷积核覆盖 {eh}×{ew}，但填充后的输入只有 {ph}×{pw}，输出将为空；请增加填充，或缩小卷积核或膨胀</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="54" />
            <source>{w_name} must be (channels, height, width) with every size at least 1; got an array of shape {shape}</source>
            <translation>{w_name}的形状应为 (通道, 高, 宽)，且每一维至少为 1；收到的数组形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="56" />
            <source>the weight must be (out channels, in channels, kernel height, kernel width) with every size at least 1; got shape {shape}</source>
            <translation>权重的形状应为 (输出通道, 输入通道, 卷积核高, 卷积核宽)，且每一维至少为 1；收到的形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="58" />
            <source>corr2d takes a 2-D input and a 2-D kernel; got {a}-D and {b}-D</source>
            <translation>corr2d 需要二维输入和二维卷积核；收到的是 {a} 维和 {b} 维</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="60" />
            <source>the kernel expects {c} input channel(s) but the input has {n}; set the kernel's input channels to {n}</source>
            <translation>卷积核需要 {c} 个输入通道，但输入有 {n} 个；请把卷积核的输入通道数设为 {n}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="62" />
            <source>there are {c} output channel(s) but {b} bias value(s); give one bias per output channel</source>
            <translation>有 {c} 个输出通道，但有 {b} 个偏置值；每个输出通道需要一个偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="64" />
            <source>grad_output has shape {a} but the output is {b}</source>
            <translation>grad_output 的形状为 {a}，但输出为 {b}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="66" />
            <source>pooling mode {mode} is not known; use 'max' or 'avg'</source>
            <translation>未知的汇聚方式 {mode}；请用 'max'（最大汇聚）或 'avg'（平均汇聚）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="67" />
            <source>pooling padding ({t}, {b}, {l}, {r}) is more than half the {kh}×{kw} window, so a window could hold only padding; use at most {mr} rows and {mc} columns</source>
            <translation>汇聚层的填充 ({t}, {b}, {l}, {r}) 超过了 {kh}×{kw} 窗口的一半，窗口可能只含填充；最多用 {mr} 行、{mc} 列</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="43" />
            <source>padding mode {mode} is not known; choose one of {wl_modes}</source>
            <translation>未知的填充方式 {mode}；请从 {wl_modes} 中选择</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="71" />
            <source>optimizer {kind} is not known; use {wl_kinds}</source>
            <translation>未知的优化器 {kind}；请用 {wl_kinds}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="72" />
            <source>loss {loss} is not known; use 'sse' or 'mse'</source>
            <translation>未知的损失 {loss}；请用 'sse' 或 'mse'</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="73" />
            <source>the target has shape {a} but the prediction {b}; the target must be the output of the same geometry</source>
            <translation>目标的形状为 {a}，而预测为 {b}；目标必须是相同几何设置下的输出</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="76" />
            <source>“{text}” is not a number; type a number such as 0.5 or -1</source>
            <translation>“{text}”不是数字；请输入数字，如 0.5 或 -1</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="77" />
            <source>“{text}” is not a finite number; cells hold ordinary numbers (not NaN or infinity)</source>
            <translation>“{text}”不是有限数；单元格只能存放普通数字（不能是 NaN 或无穷大）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="79" />
            <source>there are no numbers to paste</source>
            <translation>没有可粘贴的数字</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="80" />
            <source>the pasted rows have different lengths ({widths}); paste a rectangular block of numbers</source>
            <translation>粘贴的各行长度不同（{widths}）；请粘贴一个矩形的数字块</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="82" />
            <source>the pasted block is {r}×{c}, larger than {mr}×{mc}</source>
            <translation>粘贴的数字块为 {r}×{c}，大于 {mr}×{mc}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="84" />
            <source>the session file could not be read ({reason})</source>
            <translation>无法读取会话文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="85" />
            <source>this is not a ConvLab session: it is not valid JSON (is the file truncated?)</source>
            <translation>这不是 ConvLab 会话：不是有效的 JSON（文件被截断了？）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="87" />
            <source>this JSON file is not a ConvLab session</source>
            <translation>这个 JSON 文件不是 ConvLab 会话</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="88" />
            <source>the session has no valid schema version</source>
            <translation>会话没有有效的格式版本</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="89" />
            <source>the session was written by a newer ConvLab (schema {v}; this version reads up to {n}); update ConvLab to open it</source>
            <translation>会话由更新版本的 ConvLab 写入（格式 {v}；本版本最多读取 {n}）；请升级 ConvLab 后打开</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="91" />
            <source>the session is damaged ({m_detail})</source>
            <translation>会话已损坏（{m_detail}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="92" />
            <source>missing {key}</source>
            <translation>缺少 {key}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="93" />
            <source>a field has the wrong type or value</source>
            <translation>某个字段的类型或值不正确</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="94" />
            <source>the kernel's shape {shape} is outside what ConvLab edits</source>
            <translation>卷积核的形状 {shape} 超出了 ConvLab 可编辑的范围</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="95" />
            <source>the session has a bias count that does not match its kernel</source>
            <translation>会话中的偏置个数与卷积核不符</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="96" />
            <source>{w_what} in the session has the wrong shape</source>
            <translation>会话中{w_what}的形状不正确</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="97" />
            <source>{w_what} in the session holds NaN or infinity</source>
            <translation>会话中{w_what}含有 NaN 或无穷大</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="98" />
            <source>the input's shape {shape} is not a usable image</source>
            <translation>输入的形状 {shape} 不是可用的图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="99" />
            <source>the session's input and kernel disagree on the channel count</source>
            <translation>会话中输入与卷积核的通道数不一致</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="100" />
            <source>the input array in the session is truncated</source>
            <translation>会话中的输入数组被截断</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="101" />
            <source>the session's padding, stride or dilation is invalid</source>
            <translation>会话中的填充、步幅或膨胀无效</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="102" />
            <source>the session's padding mode {mode} is not known</source>
            <translation>会话中的填充方式 {mode} 未知</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="103" />
            <source>the session's pooling settings are invalid</source>
            <translation>会话中的汇聚层设置无效</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="105" />
            <source>The loss diverged at step {i}; lower the learning rate (now {lr}). The last finite kernel was restored.</source>
            <translation>损失在第 {i} 步发散；请降低学习率（当前为 {lr}）。已恢复最后一个有限的卷积核。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="107" />
            <source>Converged: the loss {loss} fell below {t} at step {i}.</source>
            <translation>已收敛：损失 {loss} 在第 {i} 步降到 {t} 以下。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="108" />
            <source>Stopped after the maximum of {n} steps (loss {loss}).</source>
            <translation>已达到最大步数 {n}，停止（损失 {loss}）。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="110" />
            <source>“{name}” does not exist or is not a file</source>
            <translation>“{name}”不存在或不是文件</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="111" />
            <source>“{name}” is empty (0 bytes)</source>
            <translation>“{name}”是空文件（0 字节）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="112" />
            <source>“{name}” is {w}×{h}, too large to open</source>
            <translation>“{name}”为 {w}×{h}，太大，无法打开</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="113" />
            <source>“{name}” is not an image Qt can read ({reason})</source>
            <translation>“{name}”不是 Qt 能读取的图像（{reason}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="114" />
            <source>“{name}” could not be decoded: {reason} (a corrupt or truncated file?)</source>
            <translation>无法解码“{name}”：{reason}（文件损坏或被截断？）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="120" />
            <source>stride</source>
            <extracomment>Words the messages insert into their templates ({w_...} placeholders).</extracomment>
            <translation>步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="121" />
            <source>dilation</source>
            <translation>膨胀</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="122" />
            <source>kernel size</source>
            <translation>卷积核大小</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="123" />
            <source>pooling window</source>
            <translation>汇聚窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="124" />
            <source>pooling stride</source>
            <translation>汇聚步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="125" />
            <source>top</source>
            <translation>上方</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="126" />
            <source>bottom</source>
            <translation>下方</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="127" />
            <source>left</source>
            <translation>左侧</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="128" />
            <source>right</source>
            <translation>右侧</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="129" />
            <source>rows</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="130" />
            <source>columns</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="131" />
            <source>the input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="132" />
            <source>the kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="133" />
            <source>the bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="134" />
            <source>zeros</source>
            <translation>零填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="135" />
            <source>reflect</source>
            <translation>反射填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="136" />
            <source>replicate</source>
            <translation>复制填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="137" />
            <source>circular</source>
            <translation>循环填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="138" />
            <source>sgd</source>
            <translation>SGD</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="139" />
            <source>momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="140" />
            <source>adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="144" />
            <source>{sentence}.</source>
            <translation>{sentence}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="147" />
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
</TS>
