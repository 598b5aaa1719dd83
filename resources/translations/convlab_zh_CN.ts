<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AnimationExport</name>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="204" />
            <source>pixels per cell in the exported animation</source>
            <translation>导出动画中每个单元格的像素数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="206" />
            <source>milliseconds per frame</source>
            <translation>每帧毫秒数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="208" />
            <source>export every n-th position</source>
            <translation>每隔 n 个位置导出一帧</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="210" />
            <source>Export animation…</source>
            <translation>导出动画…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="211" />
            <source>Save the sliding window as an animated GIF or APNG</source>
            <translation>把滑动窗口保存为 GIF 或 APNG 动画</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="212" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="212" />
            <source>Stop the export</source>
            <translation>停止导出</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="215" />
            <source>format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="216" />
            <source>cell px</source>
            <translation>单元格像素</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="217" />
            <source>ms/frame</source>
            <translation>毫秒/帧</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="218" />
            <source>every</source>
            <translation>每隔</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="238" />
            <source>Export animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="240" />
            <source>Animation ({pattern})</source>
            <translation>动画 ({pattern})</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="259" />
            <source>That would be {n} frames ({h}×{w} positions). Set “every” to {need} or more, or use a smaller input.</source>
            <translation>那将是 {n} 帧（{h}×{w} 个位置）。请把“每隔”设为 {need} 或更大，或使用更小的输入。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="305" />
            <source>Could not write the animation: {error}.</source>
            <translation>无法写入动画：{error}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="309" />
            <source>Exported {n} frames to {name}.</source>
            <translation>已导出 {n} 帧到 {name}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="312" />
            <source>Export cancelled; nothing was written.</source>
            <translation>已取消导出；没有写入任何内容。</translation>
        </message>
    </context>
    <context>
        <name>AutosaveWarning</name>
        <message>
            <location filename="../../convlab/qt/window_files.py" line="32" />
            <source>Autosave is failing: {reason}; use File ▸ Save As…</source>
            <translation>自动保存失败：{reason}；请使用 文件 ▸ 另存为…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/window_files.py" line="36" />
            <source>Your edits are not being saved automatically. Save the session somewhere you can write to.</source>
            <translation>你的编辑没有被自动保存。请把会话保存到一个可写入的位置。</translation>
        </message>
    </context>
    <context>
        <name>ChannelTiles</name>
        <message>
            <location filename="../../convlab/qt/tiles.py" line="49" />
            <source>Every channel; click a tile to show and edit that channel</source>
            <translation>所有通道；单击一个图块可显示并编辑该通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/tiles.py" line="118" />
            <source>in {channel}</source>
            <translation>入 {channel}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/tiles.py" line="118" />
            <source>input {channel}</source>
            <translation>输入 {channel}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/tiles.py" line="120" />
            <source>out {channel}</source>
            <translation>出 {channel}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/tiles.py" line="120" />
            <source>output {channel}</source>
            <translation>输出 {channel}</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <location filename="../../convlab/qt/controller.py" line="194" />
            <source>Not applied ({label}): {error}. Nothing was changed.</source>
            <translation>未应用（{label}）：{error}。没有做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>DetailsPanel</name>
        <message>
            <location filename="../../convlab/qt/details.py" line="28" />
            <source>Hover an output pixel to see its receptive field; click to pin it and read the sum of products here. Hover an input pixel to see every output it feeds.</source>
            <translation>将鼠标悬停在输出像素上可查看它的感受野；单击将其固定，并在此处查看乘积之和。悬停在输入像素上可查看它参与计算的每个输出。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="94" />
            <source>the largest of its {n} values</source>
            <translation>其 {n} 个值中的最大值</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="95" />
            <source>the average of its {n} values, the padding as 0</source>
            <translation>其 {n} 个值的平均值（填充按 0 计）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="100" />
            <source>pooled (max), channel {co}, row {i}, column {j}</source>
            <translation>汇聚结果（最大），通道 {co}，第 {i} 行，第 {j} 列</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="101" />
            <source>pooled (avg), channel {co}, row {i}, column {j}</source>
            <translation>汇聚结果（平均），通道 {co}，第 {i} 行，第 {j} 列</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="114" />
            <source>bias {value}</source>
            <translation>偏置 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="139" />
            <source>input channel {channel}</source>
            <translation>输入通道 {channel}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="153" />
            <source>window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="135" />
            <location filename="../../convlab/qt/details.py" line="153" />
            <source>kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="153" />
            <source>sum of products</source>
            <translation>乘积之和</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="120" />
            <source>(shown: {value})</source>
            <translation>（显示值：{value}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/details.py" line="122" />
            <source>output channel {co}, row {i}, column {j}</source>
            <translation>输出通道 {co}，第 {i} 行，第 {j} 列</translation>
        </message>
    </context>
    <context>
        <name>FilesController</name>
        <message>
            <location filename="../../convlab/qt/files.py" line="163" />
            <source>Autosave is off: {reason}.</source>
            <translation>自动保存已关闭：{reason}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="188" />
            <source>it was set aside as {name}</source>
            <translation>已把它另存为 {name}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="190" />
            <source>it could not be set aside ({reason}) and is left as it is; autosave is off so that it is not overwritten</source>
            <translation>无法把它移到一旁（{reason}），已保持原样；自动保存已关闭，以免覆盖它</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="196" />
            <source>Could not open {name}: {error}. {moved}; ConvLab starts afresh.</source>
            <translation>无法打开 {name}：{error}。{moved}；ConvLab 重新开始。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="217" />
            <source>Could not save to {path}: {error}. Nothing was lost; choose another place.</source>
            <translation>无法保存到 {path}：{error}。没有丢失任何内容；请换一个位置。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="230" />
            <source>Saved the session to {name}.</source>
            <translation>会话已保存到 {name}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="239" />
            <location filename="../../convlab/qt/files.py" line="318" />
            <source>opening {name}…</source>
            <translation>正在打开 {name}…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="256" />
            <source>Could not open {name}: {error}. Your current work is unchanged.</source>
            <translation>无法打开 {name}：{error}。当前的工作保持不变。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="272" />
            <source>Opened the session {name}.</source>
            <translation>已打开会话 {name}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="298" />
            <source>The session's input could not be read ({error}); a blank input of the same size stands in. Open the image again to use it.</source>
            <translation>无法读取会话的输入（{error}）；已用同样大小的空白输入代替。请重新打开该图像以使用它。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="338" />
            <source>Could not open the image: {error}. Your input is unchanged.</source>
            <translation>无法打开图像：{error}。输入保持不变。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="383" />
            <source>There is no output to export: {error}</source>
            <translation>没有可导出的输出：{error}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="412" />
            <source>Could not write {path}: {error}. Choose a folder you can write to.</source>
            <translation>无法写入 {path}：{error}。请选择一个可写入的文件夹。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="417" />
            <source>Exported to {name}.</source>
            <translation>已导出到 {name}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="423" />
            <source>Copied {framework} code for this convolution to the clipboard.</source>
            <translation>已把此卷积的 {framework} 代码复制到剪贴板。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="433" />
            <source>Open image or session</source>
            <translation>打开图像或会话</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="445" />
            <source>untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="446" />
            <source>Save session</source>
            <translation>保存会话</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="447" />
            <source>ConvLab session (*.convlab)</source>
            <translation>ConvLab 会话 (*.convlab)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/files.py" line="453" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
    </context>
    <context>
        <name>FoldingBox</name>
        <message>
            <location filename="../../convlab/qt/folding_box.py" line="17" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
    </context>
    <context>
        <name>FrequencyView</name>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="81" />
            <source>kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="82" />
            <source>input and output spectra</source>
            <translation>输入和输出的频谱</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="84" />
            <source>The selected input channel's and output channel's spectra beside the kernel's (costs an FFT per frame)</source>
            <translation>在卷积核的频谱旁显示所选输入通道和输出通道的频谱（每帧多做一次 FFT）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="87" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="88" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="136" />
            <source>Kernel [{co}, {ci}] has a value that is not a number; no response to show.</source>
            <translation>卷积核 [{co}, {ci}] 中有一个值不是数字；无法显示频率响应。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="139" />
            <source>|DFT| of kernel [{co}, {ci}] ({kh}×{kw}, zero-padded to {n}×{m}), log scale over 3 decades, centred; + marks DC (gain {gain}, peak {peak}). A blur is bright only near +; an edge filter is dark at +.</source>
            <translation>卷积核 [{co}, {ci}]（{kh}×{kw}，零填充到 {n}×{m}）的 |DFT|，对数刻度，跨 3 个数量级，居中显示；+ 标出直流分量（增益 {gain}，峰值 {peak}）。模糊卷积核只在 + 附近明亮；边缘检测卷积核在 + 处是暗的。</translation>
        </message>
    </context>
    <context>
        <name>GeometryPanel</name>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="20" />
            <source>pad with 0</source>
            <translation>用 0 填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="21" />
            <source>mirror without repeating the edge</source>
            <translation>镜像，不重复边缘</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="22" />
            <source>repeat the edge value</source>
            <translation>重复边缘值</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="23" />
            <source>wrap around</source>
            <translation>首尾相接</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="24" />
            <source>zeros</source>
            <translation>零填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="25" />
            <source>reflect</source>
            <translation>反射填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="26" />
            <source>replicate</source>
            <translation>复制填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="27" />
            <source>circular</source>
            <translation>循环填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="34" />
            <source>Padding, stride, dilation</source>
            <translation>填充、步幅、膨胀</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="36" />
            <source>rows/columns of padding on the top</source>
            <translation>上方填充的行数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="37" />
            <source>rows/columns of padding on the bottom</source>
            <translation>下方填充的行数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="38" />
            <source>rows/columns of padding on the left</source>
            <translation>左侧填充的列数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="39" />
            <source>rows/columns of padding on the right</source>
            <translation>右侧填充的列数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="43" />
            <source>Same on all sides</source>
            <translation>四边相同</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="44" />
            <source>Changing one side changes all four</source>
            <translation>修改一边会同时修改四边</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="50" />
            <source>What the padded cells hold</source>
            <translation>填充单元格中的值</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="51" />
            <source>how far the window moves down</source>
            <translation>窗口每次向下移动的距离</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="52" />
            <source>how far the window moves right</source>
            <translation>窗口每次向右移动的距离</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="54" />
            <source>spacing between kernel taps down</source>
            <translation>卷积核元素在竖直方向上的间距</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="55" />
            <source>spacing between kernel taps across</source>
            <translation>卷积核元素在水平方向上的间距</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="62" />
            <source>top</source>
            <translation>上</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="62" />
            <source>bottom</source>
            <translation>下</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="62" />
            <source>left</source>
            <translation>左</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="63" />
            <source>right</source>
            <translation>右</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="69" />
            <source>Valid</source>
            <translation>无填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="69" />
            <source>no padding: the output shrinks</source>
            <translation>不填充（Keras 的 'valid'）：输出变小</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="70" />
            <source>Same</source>
            <translation>等大</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="70" />
            <source>Keras 'same': output = ⌈input / stride⌉</source>
            <translation>Keras 'same'：输出 = ⌈输入 / 步幅⌉</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="71" />
            <source>Full</source>
            <translation>全填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="71" />
            <source>every overlap of kernel and input</source>
            <translation>卷积核与输入的每一种重叠（'full'）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="78" />
            <source>stride (y, x)</source>
            <translation>步幅 (y, x)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="79" />
            <source>dilation (y, x)</source>
            <translation>膨胀 (y, x)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/geometry_panel.py" line="84" />
            <source>mode</source>
            <translation>方式</translation>
        </message>
    </context>
    <context>
        <name>ImageIO</name>
        <message>
            <location filename="../../convlab/qt/image_io.py" line="25" />
            <source>Images and sessions ({patterns})</source>
            <translation>图像和会话 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/image_io.py" line="27" />
            <source>ConvLab sessions ({patterns})</source>
            <translation>ConvLab 会话 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/image_io.py" line="28" />
            <source>Images ({patterns})</source>
            <translation>图像 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/image_io.py" line="29" />
            <source>All files ({patterns})</source>
            <translation>所有文件 ({patterns})</translation>
        </message>
    </context>
    <context>
        <name>InputPanel</name>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="27" />
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="30" />
            <source>Sample…</source>
            <translation>示例…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="33" />
            <source>Bundled inputs: photographs and the chapter's matrices</source>
            <translation>自带的输入：照片和本章的矩阵</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="34" />
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="35" />
            <source>Open an image file (Ctrl+O); you can also drop one on the window</source>
            <translation>打开图像文件 (Ctrl+O)；也可以把文件拖到窗口上</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="41" />
            <source>Small inputs can be edited cell by cell, like the kernel</source>
            <translation>小的输入可以像卷积核一样逐格编辑</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="56" />
            <source>grey</source>
            <translation>灰度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="56" />
            <source>RGB</source>
            <translation>RGB</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="57" />
            <source>{c} channels</source>
            <translation>{c} 个通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="60" />
            <source>{name} (missing)</source>
            <translation>{name}（缺失）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="61" />
            <location filename="../../convlab/qt/input_panel.py" line="65" />
            <source>{file}</source>
            <translation>“{file}”</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/input_panel.py" line="66" />
            <source>{name}: {h}×{w}, {kind}</source>
            <translation>{name}：{h}×{w}，{kind}</translation>
        </message>
    </context>
    <context>
        <name>KernelPanel</name>
        <message>
            <location filename="../../convlab/model/presets.py" line="54" />
            <source>all input channels</source>
            <translation>所有输入通道</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="55" />
            <source>this slice</source>
            <translation>当前切片</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="113" />
            <source>Kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="117" />
            <source>Type to edit; arrows move; Delete sets 0; Ctrl+C / Ctrl+V copy and paste blocks of numbers</source>
            <translation>输入数字即可编辑；方向键移动；Delete 置 0；Ctrl+C / Ctrl+V 复制、粘贴数字块</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="120" />
            <source>kernel height (rows)</source>
            <translation>卷积核高（行）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="122" />
            <source>kernel width (columns)</source>
            <translation>卷积核宽（列）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="125" />
            <source>Preset…</source>
            <translation>预设…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="128" />
            <source>Replace the kernel with a well-known one; it stays named here until you edit the kernel</source>
            <translation>用一个常见的卷积核替换当前卷积核；在你编辑卷积核之前，这里一直显示它的名字</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="133" />
            <source>Presets, Normalize, Randomize and Transpose change every input channel of this output channel, or only the slice shown in the grid</source>
            <translation>预设、归一化、随机化和转置会修改该输出通道的每个输入通道，或者只修改网格中显示的切片</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="136" />
            <source>True convolution (flip the kernel 180°)</source>
            <translation>真正的卷积（卷积核旋转 180°）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="138" />
            <source>Off: cross-correlation, as deep-learning libraries and the chapter compute it. On: the kernel is rotated before sliding.</source>
            <translation>关：互相关运算，与深度学习框架和本章的计算一致。开：卷积核先旋转再滑动。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="141" />
            <location filename="../../convlab/qt/kernel_panel.py" line="177" />
            <source>output channels</source>
            <translation>输出通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="147" />
            <source>bias added to every pixel of this output channel</source>
            <translation>加到该输出通道每个像素上的偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="160" />
            <source>size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="166" />
            <source>Normalize</source>
            <translation>归一化</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="167" />
            <source>divide by the sum (when it is not 0)</source>
            <translation>除以总和（总和不为 0 时）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="168" />
            <source>Randomize</source>
            <translation>随机化</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="168" />
            <source>random normal values</source>
            <translation>正态分布随机值</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="170" />
            <source>Transpose</source>
            <translation>转置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="170" />
            <source>swap rows and columns</source>
            <translation>交换行和列</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="179" />
            <source>bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="190" />
            <source>apply to</source>
            <translation>应用于</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="232" />
            <source>editing output {co}, input {ci}</source>
            <translation>正在编辑输出 {co}、输入 {ci}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="283" />
            <source>The kernel is all zeros, so there is nothing to divide by; it is unchanged.</source>
            <translation>卷积核全为 0，无法相除；卷积核保持不变。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="285" />
            <source>The kernel sums to 0 (an edge detector?), so there is nothing to divide by; it is unchanged.</source>
            <translation>卷积核的总和为 0（边缘检测器？），无法相除；卷积核保持不变。</translation>
        </message>
    </context>
    <context>
        <name>Landscape</name>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="260" />
            <location filename="../../convlab/qt/learn_panel.py" line="261" />
            <source>weight {n}</source>
            <translation>权重 {n}</translation>
        </message>
    </context>
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
        <name>LearnController</name>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="62" />
            <source>target image</source>
            <translation>目标图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="221" />
            <source>Cannot learn with these settings: {error}.</source>
            <translation>无法用这些设置学习：{error}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="242" />
            <source>{name} is {h}×{w}, so the kernel is now {h}×{w} to learn it; Reset brings back the {h0}×{w0} kernel.</source>
            <translation>{name} 是 {h}×{w} 的，所以卷积核已改为 {h}×{w} 来学习它；按“重置”可恢复原来 {h0}×{w0} 的卷积核。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="345" />
            <source>The input, kernel size or geometry changed, so learning stopped; press Play to learn with the new settings.</source>
            <translation>输入、卷积核大小或几何设置已改变，学习已停止；按“播放”以新设置重新学习。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="326" />
            <source>The learning problem (true kernel, start, noise, seed or target) changed, so learning stopped; press Play to learn the new one.</source>
            <translation>学习问题（真实卷积核、起点、噪声、种子或目标）已改变，学习已停止；按“播放”学习新的问题。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="349" />
            <source>The kernel was changed, so this run ended where it was; press Play to start a new one.</source>
            <translation>卷积核已被修改，本次训练就此结束；按“播放”开始新的训练。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="389" />
            <source>step {i}: loss {loss}. Paused: Play goes on, Step takes one step, Reset goes back to before the run.</source>
            <translation>第 {i} 步：损失 {loss}。已暂停：“播放”继续，“单步”走一步，“重置”回到运行之前。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="423" />
            <source>step {i}: loss {loss}</source>
            <translation>第 {i} 步：损失 {loss}</translation>
        </message>
    </context>
    <context>
        <name>LearnPanel</name>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="31" />
            <source>1 step/s</source>
            <translation>每秒 1 步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="32" />
            <source>4 steps/s</source>
            <translation>每秒 4 步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="33" />
            <source>15 steps/s</source>
            <translation>每秒 15 步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="34" />
            <source>60 steps/s</source>
            <translation>每秒 60 步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="35" />
            <source>as fast as possible</source>
            <translation>尽可能快</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="36" />
            <source>Press Play to learn the kernel.</source>
            <translation>按“播放”开始学习卷积核。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="37" />
            <source> Takes effect at the next step, also while learning runs.</source>
            <translation>从下一步起生效，学习进行中也可修改。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="39" />
            <source>Fixed while a run is in progress: it defines the problem. Press Reset, or let the run finish, to change it.</source>
            <translation>学习进行中不可更改：它定义了问题本身。要修改，请按“重置”或等这次学习结束。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="43" />
            <source>current kernel (frozen)</source>
            <extracomment>Combo items: the English key (kept as item data) → its context for the shown text.</extracomment>
            <translation>当前卷积核（固定）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="44" />
            <source>random (seed)</source>
            <translation>随机（按种子）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="45" />
            <source>target image</source>
            <translation>目标图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="46" />
            <source>zeros</source>
            <translation>全零</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="47" />
            <source>current kernel</source>
            <translation>当前卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="312" />
            <source>learned</source>
            <translation>学到的</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="313" />
            <location filename="../../convlab/qt/learn_panel.py" line="595" />
            <source>true</source>
            <translation>真实</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="314" />
            <source>error</source>
            <translation>误差</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="315" />
            <source>gradient</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="330" />
            <source>seed for random kernels and noise</source>
            <translation>随机卷积核与噪声的随机种子</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="332" />
            <source>standard deviation of noise added to the target</source>
            <translation>加到目标上的噪声的标准差</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="334" />
            <source>learn a bias too</source>
            <translation>同时学习偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="335" />
            <source>Chapter example</source>
            <translation>本章示例</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="337" />
            <source>The chapter's run: learn [1, −1] from the 6×8 edge image</source>
            <translation>本章的实验：从 6×8 边缘图像学习 [1, −1]</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="339" />
            <source>The hidden kernel whose output is the target</source>
            <translation>隐藏的卷积核，其输出即为目标</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="340" />
            <source>The kernel gradient descent starts from</source>
            <translation>梯度下降开始时的卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="342" />
            <source>Learn one bias per output channel as well as the kernel</source>
            <translation>除卷积核外，为每个输出通道再学习一个偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="346" />
            <source>Step size.</source>
            <translation>步长。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="353" />
            <source>How the gradient moves the kernel; a change starts the new optimizer afresh.</source>
            <translation>梯度如何更新卷积核；更换后新的优化器从头开始。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="357" />
            <source>sse: the chapter's sum of squared errors; mse: their mean; the whole curve is redrawn in the chosen one.</source>
            <translation>sse：本章使用的平方误差和；mse：其平均值；整条曲线按所选损失重新绘制。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="363" />
            <source>Steps per second.</source>
            <translation>每秒步数。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="365" />
            <source>Stop when the loss falls below this.</source>
            <translation>损失低于此值时停止。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="368" />
            <source>Stop after this many steps.</source>
            <translation>达到此步数后停止。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="370" />
            <location filename="../../convlab/qt/learn_panel.py" line="449" />
            <location filename="../../convlab/qt/learn_panel.py" line="456" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="371" />
            <source>Start or pause gradient descent (F5)</source>
            <translation>开始或暂停梯度下降 (F5)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="372" />
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="373" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="379" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="381" />
            <source>target from</source>
            <translation>目标来自</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="382" />
            <source>noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="383" />
            <source>start from</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="384" />
            <source>seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="386" />
            <source>Gradient descent</source>
            <translation>梯度下降</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="388" />
            <source>learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="390" />
            <source>optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="391" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="391" />
            <source>speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="392" />
            <source>stop below loss</source>
            <translation>损失低于此值时停止</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="393" />
            <source>max steps</source>
            <translation>最大步数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="397" />
            <source>Why this rate?</source>
            <translation>为什么是这个学习率？</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="449" />
            <location filename="../../convlab/qt/learn_panel.py" line="456" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="519" />
            <source>Show the problem's settings; they are fixed while the run is in progress.</source>
            <translation>显示问题的设置；训练进行期间它们保持不变。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="593" />
            <source>best fit</source>
            <translation>最佳拟合</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="470" />
            <source>Pause first: the run is already stepping</source>
            <translation>请先暂停：学习正在逐步进行</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="49" />
            <source>SGD</source>
            <extracomment>Keys shown by another name (English showed the raw "adam", "mse").</extracomment>
            <translation>SGD</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="50" />
            <source>Momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="51" />
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="52" />
            <source>sum of squared errors (sse)</source>
            <translation>平方误差和 (sse)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="53" />
            <source>mean squared error (mse)</source>
            <translation>均方误差 (mse)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="471" />
            <source>One step of gradient descent (F6)</source>
            <translation>执行一步梯度下降 (F6)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="472" />
            <source>Go back to the kernel before this run (one undo step) and clear the plots</source>
            <translation>回到这次学习之前的卷积核（一次撤销步骤），并清空图表</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="503" />
            <source>{n} steps/s</source>
            <translation>每秒 {n} 步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="571" />
            <source>Target: {target}. Start: {start}. Seed {seed}, noise {noise}.</source>
            <translation>目标：{target}。起点：{start}。种子 {seed}，噪声 {noise}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="574" />
            <source> A bias is learned too.</source>
            <translation>同时学习偏置。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="593" />
            <source>least squares</source>
            <translation>最小二乘解</translation>
        </message>
    </context>
    <context>
        <name>LessonPanel</name>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="243" />
            <source>Choose a lesson from the Lessons menu: each sets up one example of the chapter and checks the app against it.</source>
            <translation>从“课程”菜单选择一课：每一课设置本章的一个例子，并用它检验本应用的结果。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="272" />
            <source>The chapter's result:</source>
            <translation>本章的结果：</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="284" />
            <source>an output of {h}×{w}</source>
            <translation>一个 {h}×{w} 的输出</translation>
        </message>
    </context>
    <context>
        <name>Lessons</name>
        <message>
            <location filename="../../convlab/model/lessons.py" line="30" />
            <source>The app has no result for these settings.</source>
            <translation>本应用在这些设置下没有结果。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="31" />
            <source>✓ The app's result equals the chapter's.</source>
            <translation>✓ 本应用的结果与本章一致。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="32" />
            <source>✗ The app's result differs from the chapter's (settings were changed?).</source>
            <translation>✗ 本应用的结果与本章不同（设置被改动了？）。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="34" />
            <source>The window shows another input now, so this lesson is not checked: choose it again from the Lessons menu to go back to its example.</source>
            <translation>窗口现在显示的是另一个输入，因此不再检查本课：从“课程”菜单再次选择本课即可回到它的示例。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="37" />
            <source>✓ The learned kernel's result is within 0.1 of the chapter's, as learning promises: close, not exact.</source>
            <translation>✓ 学到的卷积核的结果与本章相差不超过 0.1，正如学习所承诺的：接近，而非完全相同。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="39" />
            <source>Nothing learned yet: the grid holds the kernel to learn, and its output is the target. Press Play: gradient descent starts from another kernel and should come within 0.1 of this one.</source>
            <translation>尚未学习：网格里是要学习的卷积核，它的输出就是目标。按“播放”：梯度下降从另一个卷积核出发，应当学到与它相差不超过 0.1 的结果。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="120" />
            <source>Cross-correlation of a 3×3 matrix</source>
            <translation>3×3 矩阵的互相关运算</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="121" />
            <source>The 2×2 kernel slides over the 3×3 input from the top-left, one cell at a time. Each output is the sum of the products under the window: 0·0 + 1·1 + 3·2 + 4·3 = 19.</source>
            <translation>2×2 卷积核从左上角开始在 3×3 输入上滑动，每次移动一格。每个输出是窗口内各乘积之和：0·0 + 1·1 + 3·2 + 4·3 = 19。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="128" />
            <source>Edge detection with [1, −1]</source>
            <translation>用 [1, −1] 做边缘检测</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="129" />
            <source>A 6×8 image of ones with a band of zeros in the middle (the chapter's white and black, drawn here in red and white like every positive value and 0). The kernel [1, −1] gives 1 where ones turn to zeros, −1 where zeros turn to ones, and 0 where nothing changes.</source>
            <translation>一张 6×8 的图像：全为 1，中间有一条值为 0 的带（即书中的白色和黑色；此处与所有正值和 0 一样，分别显示为红色和白色）。卷积核 [1, −1] 在由 1 变为 0 处输出 1，在由 0 变为 1 处输出 −1，没有变化处输出 0。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="137" />
            <source>The same kernel on the transposed image</source>
            <translation>同一卷积核作用于转置后的图像</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="138" />
            <source>Transposed, the edges run horizontally; the kernel [1, −1] only sees horizontal change, so the output is all zeros.</source>
            <translation>转置后边缘变为水平方向；卷积核 [1, −1] 只能检测水平方向上的变化，所以输出全为 0。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="144" />
            <source>Learning the edge kernel</source>
            <translation>学习边缘检测卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="145" />
            <source>Given the edge image and its edges, gradient descent finds the kernel. Press Play in the Learn panel: in 10 steps of learning rate 3.21e-2 the kernel approaches [1, −1] and the squared error falls.</source>
            <translation>已知边缘图像及其边缘，梯度下降就能求出卷积核。在“学习卷积核”面板中按“播放”：学习率为 3.21e-2，10 步之内卷积核接近 [1, −1]，平方误差随之下降。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="153" />
            <source>Padding: a 3×3 kernel keeps 8×8</source>
            <translation>填充：3×3 卷积核保持 8×8</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="154" />
            <source>Without padding a 3×3 kernel shrinks 8×8 to 6×6. One row and column of zeros on every side (p = k − 1 = 2 in total) keeps the output 8×8.</source>
            <translation>不填充时，3×3 卷积核把 8×8 缩小为 6×6。在每一边填充一行或一列 0（共 p = k − 1 = 2），输出保持 8×8。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="161" />
            <source>Padding: a 5×3 kernel keeps 8×8</source>
            <translation>填充：5×3 卷积核保持 8×8</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="162" />
            <source>With a 5×3 kernel, pad 2 rows above and below and 1 column left and right: (8 + 4 − 5 + 1) × (8 + 2 − 3 + 1) = 8×8.</source>
            <translation>对 5×3 卷积核，上下各填充 2 行，左右各填充 1 列：(8 + 4 − 5 + 1) × (8 + 2 − 3 + 1) = 8×8。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="168" />
            <source>Stride 2 with 'same' padding</source>
            <translation>步幅为 2，'same' 填充</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="169" />
            <source>Moving the window two cells at a time halves each side: with Keras 'same' padding the output is ⌈8 / 2⌉ = 4 on each side.</source>
            <translation>窗口每次移动两格，每边减半：使用 Keras 的 'same' 填充，输出每边为 ⌈8 / 2⌉ = 4。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="176" />
            <source>Stride (3, 4) with 'valid' padding</source>
            <translation>步幅为 (3, 4)，'valid' 填充</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="177" />
            <source>A 3×5 kernel moving 3 down and 4 across, no padding: ⌊(8 − 3 + 3) / 3⌋ = 2 rows and ⌊(8 − 5 + 4) / 4⌋ = 1 column.</source>
            <translation>3×5 卷积核每次向下移动 3、向右移动 4，不填充：⌊(8 − 3 + 3) / 3⌋ = 2 行，⌊(8 − 5 + 4) / 4⌋ = 1 列。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="184" />
            <source>Multiple input channels</source>
            <translation>多输入通道</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="185" />
            <source>Two input channels, a 2×2 kernel for each: correlate each channel with its kernel and add the results. 19 + 37 = 56 at the top-left.</source>
            <translation>两个输入通道，每个通道一个 2×2 卷积核：对每个通道与其卷积核做互相关运算，再把结果相加。左上角为 19 + 37 = 56。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="191" />
            <source>Multiple output channels</source>
            <translation>多输出通道</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="192" />
            <source>Stack the kernels K, K + 1 and K + 2: three output channels, each the sum over the two input channels.</source>
            <translation>把卷积核 K、K + 1 和 K + 2 堆叠起来：得到三个输出通道，每个都是对两个输入通道求和的结果。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="200" />
            <source>1×1 convolution</source>
            <translation>1×1 卷积</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="201" />
            <source>A 1×1 kernel sees no neighbours: at every pixel it mixes the channels with the same C_out × C_in matrix, a fully connected layer applied pixel by pixel. The 1×1 panel compares it with the matrix product.</source>
            <translation>1×1 卷积核看不到相邻像素：它在每个像素上用同一个 C_out × C_in 矩阵混合各通道，相当于逐像素应用的全连接层。“1×1 卷积”面板把它与矩阵乘法进行比较。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="209" />
            <source>Max pooling of the 3×3 matrix</source>
            <translation>3×3 矩阵的最大汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="210" />
            <source>A 2×2 window, stride 1: each output is the largest value under the window.</source>
            <translation>2×2 窗口，步幅为 1：每个输出是窗口内的最大值。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="216" />
            <source>Average pooling of the 3×3 matrix</source>
            <translation>3×3 矩阵的平均汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="217" />
            <source>The same windows, averaged: (0 + 1 + 3 + 4) / 4 = 2 at the top-left.</source>
            <translation>同样的窗口，取平均值：左上角为 (0 + 1 + 3 + 4) / 4 = 2。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="224" />
            <source>Pooling the 4×4 matrix, default stride</source>
            <translation>4×4 矩阵的汇聚，默认步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="225" />
            <source>A 3×3 window whose stride defaults to the window: only one position fits.</source>
            <translation>3×3 窗口，步幅默认等于窗口大小：只放得下一个位置。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="231" />
            <source>Pooling with padding and stride</source>
            <translation>带填充和步幅的汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="232" />
            <source>A 3×3 window, padding 1, stride 2. Padded cells never win a maximum.</source>
            <translation>3×3 窗口，填充为 1，步幅为 2。填充的单元格永远不会成为最大值。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="240" />
            <source>Pooling with a (2, 3) window</source>
            <translation>(2, 3) 窗口的汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="241" />
            <source>A 2×3 window, padding (0, 1), stride (2, 3).</source>
            <translation>2×3 窗口，填充 (0, 1)，步幅 (2, 3)。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="248" />
            <source>Pooling two channels</source>
            <translation>两个通道的汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="249" />
            <source>Pooling works on each channel separately: two channels in, two out.</source>
            <translation>汇聚层对每个通道分别运算：输入两个通道，输出两个通道。</translation>
        </message>
    </context>
    <context>
        <name>LossPlot</name>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="186" />
            <source>step</source>
            <translation>步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="187" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="242" />
            <source>step {i}: loss {loss}</source>
            <translation>第 {i} 步：损失 {loss}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_panel.py" line="244" />
            <source>steps {a}–{b}: loss {lo} to {hi}</source>
            <translation>第 {a}–{b} 步：损失 {lo} 至 {hi}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="44" />
            <source>open an image or a session</source>
            <translation>打开图像或会话</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="46" />
            <source>save the session</source>
            <translation>保存会话</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="48" />
            <source>undo / redo</source>
            <translation>撤销 / 重做</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="50" />
            <source>learn: play or pause</source>
            <translation>学习：播放或暂停</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="52" />
            <source>learn: one step</source>
            <translation>学习：单步</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="54" />
            <source>this list</source>
            <translation>本列表</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="56" />
            <source>bring a panel on the right to the front</source>
            <translation>把右侧的一个面板切换到最前面</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="58" />
            <source>next / previous control</source>
            <translation>下一个 / 上一个控件</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="59" />
            <source>arrows (kernel grid)</source>
            <translation>方向键（卷积核表格）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="60" />
            <source>move between cells</source>
            <translation>在单元格之间移动</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="61" />
            <source>typing (kernel grid)</source>
            <translation>输入（卷积核表格）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="62" />
            <source>edit the cell</source>
            <translation>编辑单元格</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="63" />
            <source>Delete (kernel grid)</source>
            <translation>Delete 键（卷积核表格）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="64" />
            <source>set the selected cells to 0</source>
            <translation>把选中的单元格设为 0</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="65" />
            <source>Ctrl+C / Ctrl+V (kernel grid)</source>
            <translation>Ctrl+C / Ctrl+V（卷积核表格）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="66" />
            <source>copy / paste a block of numbers</source>
            <translation>复制 / 粘贴一块数字</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="67" />
            <source>mouse wheel (views)</source>
            <translation>鼠标滚轮（视图）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="68" />
            <source>zoom all views together; drag to pan</source>
            <translation>同时缩放所有视图；拖动可平移</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="69" />
            <source>click (output view)</source>
            <translation>单击（输出视图）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="70" />
            <source>pin an output pixel and show its sum</source>
            <translation>固定一个输出像素并显示它的求和</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="80" />
            <source>Every view, the kernel grid and the Learn tiles use one colour scale centred on zero: white is 0, red positive, blue negative, the deepest colour the largest magnitude. A photograph (all values ≥ 0) is therefore drawn from white (dark pixels) to red (bright pixels).</source>
            <translation>所有视图、卷积核表格和“学习”面板的图块都使用同一个以 0 为中心的色标：白色为 0，红色为正，蓝色为负，颜色越深绝对值越大。因此照片（所有值 ≥ 0）从白色（暗像素）画到红色（亮像素）。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="95" />
            <source>ConvLab</source>
            <translation>ConvLab</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="113" />
            <source>Output size by the chapter's formula ⌊(n + p − k + s) / s⌋, where k is the kernel's span (with dilation)</source>
            <translation>按本章公式 ⌊(n + p − k + s) / s⌋ 计算的输出大小，其中 k 是卷积核（含膨胀）的覆盖范围</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="115" />
            <source>negative</source>
            <translation>负</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="116" />
            <source>positive</source>
            <translation>正</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="182" />
            <location filename="../../convlab/qt/main_window.py" line="381" />
            <source>preparing…</source>
            <translation>准备中…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="186" />
            <source>A large frame is being computed; the window stays usable</source>
            <translation>正在计算一个较大的帧；窗口仍可使用</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="193" />
            <source>compiling… frames are slower until it finishes</source>
            <translation>编译中… 完成之前计算较慢</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="195" />
            <source>The compute core is being compiled in the background (first run only); a slower NumPy path serves meanwhile</source>
            <translation>计算核心正在后台编译（仅首次运行）；在此期间由较慢的 NumPy 实现计算</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="205" />
            <source>Learn a kernel</source>
            <translation>学习卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="206" />
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="207" />
            <source>Shift and pooling</source>
            <translation>平移与汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="208" />
            <source>1×1 convolution</source>
            <translation>1×1 卷积</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="209" />
            <source>Sliding window</source>
            <translation>滑动窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="210" />
            <source>Frequency response</source>
            <translation>频率响应</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="272" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="273" />
            <source>&amp;Open image or session…</source>
            <translation>打开图像或会话(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="275" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="279" />
            <source>&amp;Save session</source>
            <translation>保存会话(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="280" />
            <source>Save session &amp;as…</source>
            <translation>会话另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="282" />
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="285" />
            <source>Output as PNG…</source>
            <translation>输出另存为 PNG…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="285" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="286" />
            <source>Output as NumPy .npy…</source>
            <translation>输出另存为 NumPy .npy…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="283" />
            <source>NumPy array (*.npy)</source>
            <translation>NumPy 数组 (*.npy)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="287" />
            <source>Kernel as NumPy .npy…</source>
            <translation>卷积核另存为 NumPy .npy…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="288" />
            <source>Kernel as CSV…</source>
            <translation>卷积核另存为 CSV…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="288" />
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="291" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="292" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="293" />
            <location filename="../../convlab/qt/main_window.py" line="477" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="295" />
            <location filename="../../convlab/qt/main_window.py" line="479" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="298" />
            <source>Copy as &amp;code</source>
            <translation>复制为代码(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="302" />
            <source>&amp;Learn</source>
            <translation>学习(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="303" />
            <source>&amp;Play / Pause</source>
            <translation>播放 / 暂停(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="304" />
            <source>&amp;Step</source>
            <translation>单步(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="305" />
            <source>&amp;Reset</source>
            <translation>重置(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="306" />
            <source>&amp;Chapter example</source>
            <translation>本章示例(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="308" />
            <source>Lesso&amp;ns</source>
            <translation>课程(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="313" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="322" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="323" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="324" />
            <source>&amp;Lessons</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="326" />
            <source>&amp;About ConvLab</source>
            <translation>关于 ConvLab(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="386" />
            <source>{error} The last valid output is shown dimmed.</source>
            <translation>{error}变暗显示的是上一个有效输出。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="399" />
            <source>input {shape} → output {shape_out} → pooled {shape_pooled}   computed in {ms} ms</source>
            <translation>输入 {shape} → 输出 {shape_out} → 汇聚 {shape_pooled}   计算用时 {ms} ms</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="405" />
            <source>input {shape} → output {shape_out}   computed in {ms} ms</source>
            <translation>输入 {shape} → 输出 {shape_out}   计算用时 {ms} ms</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="409" />
            <source>input {shape} → (no output)   computed in {ms} ms</source>
            <translation>输入 {shape} → （无输出）   计算用时 {ms} ms</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="433" />
            <location filename="../../convlab/qt/main_window.py" line="439" />
            <source>computing…</source>
            <translation>计算中…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="476" />
            <source>&amp;Undo {what}</source>
            <translation>撤销 {what}(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="478" />
            <source>&amp;Redo {what}</source>
            <translation>重做 {what}(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="483" />
            <source>{name} — ConvLab</source>
            <translation>{name} — ConvLab</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="564" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="571" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="572" />
            <source>&lt;p&gt;Each lesson sets up one example of the chapter and explains it in the &lt;i&gt;Lesson&lt;/i&gt; panel. Choose one from the &lt;b&gt;Lessons&lt;/b&gt; menu.&lt;/p&gt;</source>
            <translation>&lt;p&gt;每个课程设置本章的一个例子，并在&lt;i&gt;课程&lt;/i&gt;面板中讲解。请从&lt;b&gt;课程&lt;/b&gt;菜单中选择。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="577" />
            <source>About ConvLab</source>
            <translation>关于 ConvLab</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/main_window.py" line="578" />
            <source>ConvLab {version}
A playground for 2-D convolution.</source>
            <translation>ConvLab {version}
二维卷积的演练场。</translation>
        </message>
    </context>
    <context>
        <name>MatrixGrid</name>
        <message>
            <location filename="../../convlab/qt/matrix_grid.py" line="240" />
            <source>Paste: {error}; the grid is unchanged.</source>
            <translation>粘贴：{error}；表格保持不变。</translation>
        </message>
    </context>
    <context>
        <name>MatrixModel</name>
        <message>
            <location filename="../../convlab/qt/matrix_grid.py" line="70" />
            <source>row {row}, column {col}: {value}</source>
            <translation>第 {row} 行，第 {col} 列：{value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/matrix_grid.py" line="82" />
            <source>Cell ({row}, {col}): {error}; the cell keeps its value.</source>
            <translation>单元格 ({row}, {col})：{error}；该单元格保持原值。</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="../../convlab/qt/messages.py" line="37" />
            <source>{w_name} takes one number or a pair (h, w); got {value}</source>
            <translation>{w_name}应为一个数或一对数 (h, w)；收到的是 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="38" />
            <source>{w_name} must be at least 1 in each direction (got {h}×{w}); {w_name} 1 means the window moves one pixel at a time</source>
            <translation>{w_name}在每个方向上都至少为 1（当前为 {h}×{w}）；{w_name}为 1 表示窗口每次移动一个像素</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="40" />
            <source>padding takes one number, (rows, columns) or (top, bottom, left, right); got {value}</source>
            <translation>填充应为一个数、(行, 列) 或 (上, 下, 左, 右)；收到的是 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="42" />
            <source>padding cannot be negative (got {sides}); use 0 for no padding</source>
            <translation>填充不能为负数（当前为 {sides}）；不填充请用 0</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="47" />
            <source>reflect padding of {p} on the {w_side} needs more than {p} {w_axis} of input, but there are {n}; use at most {m} or choose replicate or zeros padding</source>
            <translation>{w_side}的反射填充为 {p}，输入需要多于 {p} {w_axis}，但只有 {n}；最多用 {m}，或改用复制填充或零填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="50" />
            <source>the kernel is {kh}×{kw} but the padded input is {ph}×{pw}, so the output would be empty; add padding or shrink the kernel</source>
            <translation>卷积核为 {kh}×{kw}，但填充后的输入只有 {ph}×{pw}，输出将为空；请增加填充或缩小卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="53" />
            <source>the kernel spans {eh}×{ew} with dilation {d} but the padded input is {ph}×{pw}, so the output would be empty; add padding or shrink the kernel or its dilation</source>
            <translation>膨胀为 {d} 时卷积核覆盖 {eh}×{ew}，但填充后的输入只有 {ph}×{pw}，输出将为空；请增加填充，或缩小卷积核或膨胀</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="57" />
            <source>{w_name} must be (channels, height, width) with every size at least 1; got an array of shape {shape}</source>
            <translation>{w_name}的形状应为 (通道, 高, 宽)，且每一维至少为 1；收到的数组形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="59" />
            <source>the weight must be (out channels, in channels, kernel height, kernel width) with every size at least 1; got shape {shape}</source>
            <translation>权重的形状应为 (输出通道, 输入通道, 卷积核高, 卷积核宽)，且每一维至少为 1；收到的形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="61" />
            <source>corr2d takes a 2-D input and a 2-D kernel; got {a}-D and {b}-D</source>
            <translation>corr2d 需要二维输入和二维卷积核；收到的是 {a} 维和 {b} 维</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="63" />
            <source>the kernel expects {c} input channel(s) but the input has {n}; set the kernel's input channels to {n}</source>
            <translation>卷积核需要 {c} 个输入通道，但输入有 {n} 个；请把卷积核的输入通道数设为 {n}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="65" />
            <source>there are {c} output channel(s) but {b} bias value(s); give one bias per output channel</source>
            <translation>有 {c} 个输出通道，但有 {b} 个偏置值；每个输出通道需要一个偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="67" />
            <source>grad_output has shape {a} but the output is {b}</source>
            <translation>grad_output 的形状为 {a}，但输出为 {b}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="69" />
            <source>pooling mode {mode} is not known; use 'max' or 'avg'</source>
            <translation>未知的汇聚方式 {mode}；请用 'max'（最大汇聚）或 'avg'（平均汇聚）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="46" />
            <source>padding mode {mode} is not known; choose one of {wl_modes}</source>
            <translation>未知的填充方式 {mode}；请从 {wl_modes} 中选择</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="44" />
            <source>padding {value} is not known; use 'valid', 'same', 'full' or numbers</source>
            <translation>未知的填充 {value}；请用 'valid'、'same'、'full' 或数字</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="73" />
            <source>the {kh}×{kw} pooling window is larger than what it pools ({ph}×{pw}, the convolution's output with the pooling padding), so nothing would be pooled; shrink the pooling window or the convolution's stride, or enlarge the input</source>
            <translation>{kh}×{kw} 的汇聚窗口比它要汇聚的数据（{ph}×{pw}，即卷积输出加上汇聚层的填充）还大，因此没有可汇聚的内容；请缩小汇聚窗口或卷积的步幅，或使用更大的输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="78" />
            <source>optimizer {kind} is not known; use {wl_kinds}</source>
            <translation>未知的优化器 {kind}；请用 {wl_kinds}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="79" />
            <source>loss {loss} is not known; use 'sse' or 'mse'</source>
            <translation>未知的损失 {loss}；请用 'sse' 或 'mse'</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="80" />
            <source>the target has shape {a} but the prediction {b}; the target must be the output of the same geometry</source>
            <translation>目标的形状为 {a}，而预测为 {b}；目标必须是相同几何设置下的输出</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="98" />
            <source>{w_what} must be a whole number from {lo} to {hi}, not {value}</source>
            <translation>{w_what}必须是 {lo} 到 {hi} 之间的整数，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="100" />
            <source>{w_what} is {value}; allowed: from {lo} to {hi}</source>
            <translation>{w_what}为 {value}；允许范围：{lo} 到 {hi}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="102" />
            <source>{w_what} is {value}; allowed: {lo} to {hi}</source>
            <translation>{w_what}为 {value}；允许范围：{lo} 到 {hi}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="103" />
            <source>{w_what} must be a number, not {value}</source>
            <translation>{w_what}必须是一个数，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="104" />
            <source>{w_what} must be true or false, not {value}</source>
            <translation>{w_what}必须为真或假，而不是 {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="106" />
            <source>{w_what} must be {n} whole numbers ({wl_names})</source>
            <translation>{w_what}必须是 {n} 个整数（{wl_names}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="95" />
            <source>{what} ({value}) is too large; allowed: −1e30 to 1e30</source>
            <translation>{what}（{value}）太大；允许范围：−1e30 到 1e30</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="70" />
            <source>pooling padding {sides} is more than half the {kh}×{kw} window, so a window could hold only padding; use at most ({mr}, {mc})</source>
            <translation>汇聚层的填充 {sides} 超过了 {kh}×{kw} 窗口的一半，窗口可能只含填充；最多用 ({mr}, {mc})</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="84" />
            <source>the session's padding, stride or dilation is invalid: {m_error}</source>
            <translation>会话中的填充、步幅或膨胀无效：{m_error}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="86" />
            <source>the session's pooling settings are invalid: {m_error}</source>
            <translation>会话中的汇聚层设置无效：{m_error}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="87" />
            <source>the session's learning settings are invalid: {m_error}</source>
            <translation>会话中的学习设置无效：{m_error}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="88" />
            <source>the session's learning settings are not a set of named values</source>
            <translation>会话中的学习设置不是一组具名的值</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="90" />
            <source>the session's {w_what} is not a set of named values</source>
            <translation>会话中的{w_what}不是一组具名的值</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="93" />
            <source>the target image's path must be a text of up to {n} characters</source>
            <translation>目标图像的路径必须是不超过 {n} 个字符的文本</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="96" />
            <source>{what} ({value}) is too small: ConvLab's 32-bit numbers would turn it into 0; type 0 or a size of at least {tiny}</source>
            <translation>{what}（{value}）太小：ConvLab 的 32 位数会把它变成 0；请输入 0 或绝对值至少为 {tiny} 的数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="101" />
            <source>{w_what} is {value}; allowed: more than {lo} and at most {hi}</source>
            <translation>{w_what}为 {value}；允许范围：大于 {lo}，至多 {hi}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="105" />
            <source>{w_what} is {value}; choose one of {choices}</source>
            <translation>{w_what}为 {value}；请从以下选项中选择：{choices}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="107" />
            <source>{w_what} must have {n} dimensions, not {m}</source>
            <translation>{w_what}必须有 {n} 个维度，而不是 {m} 个</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="108" />
            <source>{w_what} would hold NaN or infinity; allowed: numbers from −1e30 to 1e30</source>
            <translation>{w_what}将含有 NaN 或无穷大；允许的数值范围：−1e30 到 1e30</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="110" />
            <source>{w_what} would hold {value}; allowed: numbers from −1e30 to 1e30</source>
            <translation>{w_what}将含有 {value}；允许的数值范围：−1e30 到 1e30</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="112" />
            <source>the input has {c}×{h}×{w} = {n} values; allowed: up to {max} (a {side}×{side2} colour image)</source>
            <translation>输入有 {c}×{h}×{w} = {n} 个值；最多允许 {max} 个（一张 {side}×{side2} 的彩色图像）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="114" />
            <source>the output would have {c}×{h}×{w} = {n} values; allowed: up to {max} (use fewer output channels, less padding, a larger stride or a smaller input)</source>
            <translation>输出将有 {c}×{h}×{w} = {n} 个值；最多允许 {max} 个（请减少输出通道、减小填充、增大步幅或使用更小的输入）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="117" />
            <source>the input has {c} channels but the kernel expects {ci}</source>
            <translation>输入有 {c} 个通道，但卷积核需要 {ci} 个</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="118" />
            <source>there are {n} biases for {co} output channels</source>
            <translation>{co} 个输出通道却有 {n} 个偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="119" />
            <source>the selected kernel slice {sel} does not exist</source>
            <translation>所选的卷积核切片 {sel} 不存在</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="121" />
            <source>“{text}” is not a number; type a number such as 0.5 or -1</source>
            <translation>“{text}”不是数字；请输入数字，如 0.5 或 -1</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="122" />
            <source>“{text}” is not a finite number; cells hold ordinary numbers (not NaN or infinity)</source>
            <translation>“{text}”不是有限数；单元格只能存放普通数字（不能是 NaN 或无穷大）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="124" />
            <source>there are no numbers to paste</source>
            <translation>没有可粘贴的数字</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="125" />
            <source>the pasted rows have different lengths ({widths}); paste a rectangular block of numbers</source>
            <translation>粘贴的各行长度不同（{widths}）；请粘贴一个矩形的数字块</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="127" />
            <source>the pasted block is {r}×{c}, larger than {mr}×{mc}</source>
            <translation>粘贴的数字块为 {r}×{c}，大于 {mr}×{mc}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="129" />
            <source>the session file could not be read ({reason})</source>
            <translation>无法读取会话文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="130" />
            <source>this is not a ConvLab session: it is not valid JSON (is the file truncated?)</source>
            <translation>这不是 ConvLab 会话：不是有效的 JSON（文件被截断了？）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="132" />
            <source>this JSON file is not a ConvLab session</source>
            <translation>这个 JSON 文件不是 ConvLab 会话</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="133" />
            <source>the session has no valid schema version</source>
            <translation>会话没有有效的格式版本</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="134" />
            <source>the session was written by a newer ConvLab (schema {v}; this version reads up to {n}); update ConvLab to open it</source>
            <translation>会话由更新版本的 ConvLab 写入（格式 {v}；本版本最多读取 {n}）；请升级 ConvLab 后打开</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="136" />
            <source>the session is damaged ({m_detail})</source>
            <translation>会话已损坏（{m_detail}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="137" />
            <source>missing {key}</source>
            <translation>缺少 {key}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="138" />
            <source>a field has the wrong type or value</source>
            <translation>某个字段的类型或值不正确</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="139" />
            <source>the kernel's shape {shape} is outside what ConvLab edits</source>
            <translation>卷积核的形状 {shape} 超出了 ConvLab 可编辑的范围</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="140" />
            <source>the session has a bias count that does not match its kernel</source>
            <translation>会话中的偏置个数与卷积核不符</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="141" />
            <source>{w_what} in the session has the wrong shape</source>
            <translation>会话中{w_what}的形状不正确</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="142" />
            <source>{w_what} in the session holds NaN or infinity</source>
            <translation>会话中{w_what}含有 NaN 或无穷大</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="143" />
            <source>the input's shape {shape} is not a usable image</source>
            <translation>输入的形状 {shape} 不是可用的图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="144" />
            <source>the session's input and kernel disagree on the channel count</source>
            <translation>会话中输入与卷积核的通道数不一致</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="145" />
            <source>the input array in the session is truncated</source>
            <translation>会话中的输入数组被截断</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="146" />
            <source>the session's padding mode {mode} is not known</source>
            <translation>会话中的填充方式 {mode} 未知</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="148" />
            <source>The loss diverged at step {i}; lower the learning rate (now {lr}). Restored the kernel of step {j}, loss {loss}.</source>
            <translation>损失在第 {i} 步发散；请降低学习率（当前为 {lr}）。已恢复第 {j} 步的卷积核，损失为 {loss}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="150" />
            <source>Converged: the loss {loss} fell below {t} at step {i}.</source>
            <translation>已收敛：损失 {loss} 在第 {i} 步降到 {t} 以下。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="151" />
            <source>Stopped after the maximum of {n} steps (loss {loss}).</source>
            <translation>已达到最大步数 {n}，停止（损失 {loss}）。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="153" />
            <source>“{name}” does not exist or is not a file</source>
            <translation>“{name}”不存在或不是文件</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="154" />
            <source>“{name}” is empty (0 bytes)</source>
            <translation>“{name}”是空文件（0 字节）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="155" />
            <source>“{name}” is {w}×{h}, too large to open</source>
            <translation>“{name}”为 {w}×{h}，太大，无法打开</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="156" />
            <source>“{name}” is not an image Qt can read ({reason})</source>
            <translation>“{name}”不是 Qt 能读取的图像（{reason}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="157" />
            <source>“{name}” starts like a {kind} image but its header could not be read (a corrupt or truncated file?)</source>
            <translation>“{name}”开头像是 {kind} 图像，但无法读取其文件头（文件损坏或不完整？）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="159" />
            <source>“{name}” could not be decoded: {reason} (a corrupt or truncated file?)</source>
            <translation>无法解码“{name}”：{reason}（文件损坏或被截断？）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="161" />
            <source>“{name}” cannot be read ({reason})</source>
            <translation>无法读取“{name}”（{reason}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="162" />
            <source>“{name}” is a folder, not an image</source>
            <translation>“{name}”是文件夹，不是图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="163" />
            <source>“{name}” is not an ordinary file (a FIFO or a device?)</source>
            <translation>“{name}”不是普通文件（是 FIFO 或设备？）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="164" />
            <source>“{name}” is {w}×{h}, too large to open: decoding it would take {mb} MB, more than the {budget} MB ConvLab allows for one image (save it at most {side}×{side2}, or as JPEG, and open it again)</source>
            <translation>“{name}”为 {w}×{h}，太大，无法打开：解码需要 {mb} MB，超过了 ConvLab 为一张图像允许的 {budget} MB（请把它保存为最多 {side}×{side2}，或保存为 JPEG，然后重新打开）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="168" />
            <source>“{name}” is {h}×{w} (height × width); it was scaled to {th}×{tw} to keep the window interactive</source>
            <translation>“{name}”为 {h}×{w}（高×宽）；已缩放到 {th}×{tw}，以保持窗口流畅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="171" />
            <source>“{name}” has changed size</source>
            <translation>“{name}”的大小已改变</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="173" />
            <source>the settings folder {where} cannot be used ({m_reason})</source>
            <translation>无法使用设置文件夹 {where}（{m_reason}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="174" />
            <source>{name} is damaged and could not be moved aside</source>
            <translation>{name} 已损坏，且无法移到一旁</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="175" />
            <source>too many damaged autosaves are already set aside</source>
            <translation>已移到一旁的损坏自动保存文件太多</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="176" />
            <source>it holds values outside ConvLab's limits</source>
            <translation>其中的数值超出了 ConvLab 的限制</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="177" />
            <source>not a folder</source>
            <translation>不是文件夹</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="178" />
            <source>it is not an ordinary file</source>
            <translation>它不是普通文件</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="179" />
            <source>the image could not be written there</source>
            <translation>无法在该位置写入图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="180" />
            <source>there was not enough memory</source>
            <translation>内存不足</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="182" />
            <source>These settings could not be computed ({m_reason}).</source>
            <translation>无法按这些设置计算（{m_reason}）。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="184" />
            <source>{w_target} is {w_kind} but the input is {w_kind_x}; both images need the same channels</source>
            <translation>{w_target}是{w_kind}图像，而输入是{w_kind_x}图像；两张图像的通道必须相同</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="186" />
            <source>{w_target} is {tw}×{th} but the input is {w}×{h}: a different shape, so it cannot be the same picture; crop or scale it to the input's shape</source>
            <translation>{w_target}为 {tw}×{th}，而输入为 {w}×{h}：形状不同，不可能是同一张图片；请把它裁剪或缩放成输入的形状</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="189" />
            <source>{w_target} is {tw}×{th}; it was scaled to the input's {w}×{h}, which blurs it a little (the learned kernel includes that blur)</source>
            <translation>{w_target}为 {tw}×{th}；已缩放到输入的 {w}×{h}，图像会略微变模糊（学到的卷积核包含这一模糊）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="192" />
            <source>the kernel size must be 1 to {n}; got {size}</source>
            <translation>卷积核大小必须在 1 到 {n} 之间；当前为 {size}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="193" />
            <source>the target has shape {a} but the input {b}; match it with match_target first</source>
            <translation>目标的形状为 {a}，而输入为 {b}；请先用 match_target 匹配</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="196" />
            <source>The input has {w_new} and the kernel had {w_old}: {m_how}, so a grey image gives the same output as before.</source>
            <translation>输入有 {w_new}，而卷积核原有 {w_old}：{m_how}，因此灰度图像的输出与之前相同。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="198" />
            <source>each channel now gets the kernel divided by {n}</source>
            <translation>现在每个通道得到除以 {n} 的卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="199" />
            <source>its {old} input-channel slices were added into one</source>
            <translation>它的 {old} 个输入通道切片相加合并为一个</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="200" />
            <source>its {old} input-channel slices were added and split evenly over {new}</source>
            <translation>它的 {old} 个输入通道切片相加后平均分到 {new} 个通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="203" />
            <source>the frequency response takes one 2-D kernel slice; got shape {shape}</source>
            <translation>频率响应需要一个二维卷积核切片；收到的形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="205" />
            <source>the spectrum takes one 2-D channel; got shape {shape}</source>
            <translation>频谱需要一个二维通道；收到的形状为 {shape}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="206" />
            <source>the landscape has axes only for a kernel of exactly two weights</source>
            <translation>只有恰好含两个权重的卷积核，损失曲面才有主轴可画</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="212" />
            <source>stride</source>
            <extracomment>Words the messages insert into their templates ({w_...} placeholders).</extracomment>
            <translation>步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="213" />
            <source>dilation</source>
            <translation>膨胀</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="214" />
            <source>kernel size</source>
            <translation>卷积核大小</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="215" />
            <source>pooling window</source>
            <translation>汇聚窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="216" />
            <source>pooling stride</source>
            <translation>汇聚步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="217" />
            <source>top</source>
            <translation>上方</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="218" />
            <source>bottom</source>
            <translation>下方</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="219" />
            <source>left</source>
            <translation>左侧</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="220" />
            <source>right</source>
            <translation>右侧</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="221" />
            <source>rows</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="222" />
            <source>columns</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="223" />
            <source>the input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="224" />
            <source>the kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="225" />
            <source>the bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="226" />
            <source>zeros</source>
            <translation>零填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="227" />
            <source>reflect</source>
            <translation>反射填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="228" />
            <source>replicate</source>
            <translation>复制填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="229" />
            <source>circular</source>
            <translation>循环填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="230" />
            <source>sgd</source>
            <translation>SGD</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="231" />
            <source>momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="232" />
            <source>adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="233" />
            <source>the target</source>
            <translation>目标</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="234" />
            <source>grey</source>
            <translation>灰度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="235" />
            <source>colour</source>
            <translation>彩色</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="237" />
            <source>the padding</source>
            <translation>填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="238" />
            <source>the stride</source>
            <translation>步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="239" />
            <source>the dilation</source>
            <translation>膨胀</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="240" />
            <source>the padding mode</source>
            <translation>填充方式</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="241" />
            <source>the pooling window</source>
            <translation>汇聚窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="242" />
            <source>the pooling stride</source>
            <translation>汇聚步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="243" />
            <source>the pooling padding</source>
            <translation>汇聚填充</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="244" />
            <source>the pooling mode</source>
            <translation>汇聚方式</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="245" />
            <source>the kernel's height</source>
            <translation>卷积核的高度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="246" />
            <source>the kernel's width</source>
            <translation>卷积核的宽度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="247" />
            <source>the number of the kernel's output channels</source>
            <translation>卷积核的输出通道数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="248" />
            <source>the number of the kernel's input channels</source>
            <translation>卷积核的输入通道数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="253" />
            <source>the number of the input's channels</source>
            <translation>输入的通道数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="249" />
            <source>the pair's kernel size</source>
            <translation>图像对的卷积核大小</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="250" />
            <source>the cell size in pixels</source>
            <translation>单元格像素数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="251" />
            <source>the milliseconds per frame</source>
            <translation>每帧毫秒数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="252" />
            <source>the n of every n-th position</source>
            <translation>“每隔 n 个位置”中的 n</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="254" />
            <source>the input's height</source>
            <translation>输入的高度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="255" />
            <source>the input's width</source>
            <translation>输入的宽度</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="256" />
            <source>the input's size</source>
            <translation>输入的尺寸</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="257" />
            <source>the selected kernel slice</source>
            <translation>所选的卷积核切片</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="258" />
            <source>the learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="259" />
            <source>the maximum steps</source>
            <translation>最大步数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="260" />
            <source>the random seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="261" />
            <source>the target noise</source>
            <translation>目标噪声</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="262" />
            <source>the stop threshold</source>
            <translation>停止阈值</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="263" />
            <source>the steps per second</source>
            <translation>每秒步数</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="264" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="265" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="266" />
            <source>pooling on/off</source>
            <translation>汇聚开关</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="267" />
            <source>“learn bias”</source>
            <translation>“同时学习偏置”</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="268" />
            <source>“flip” (convolution rather than cross-correlation)</source>
            <translation>“翻转”（卷积而非互相关）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="269" />
            <source>geometry</source>
            <translation>几何设置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="270" />
            <source>pooling</source>
            <translation>汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="276" />
            <source>{n}-channel</source>
            <extracomment>Short phrases a {w_...} placeholder may hold instead of a word ("4-channel"). Matched only inside a placeholder, never as a whole message.</extracomment>
            <translation>{n} 通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="277" />
            <source>{n} channel</source>
            <translation>{n} 个通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="278" />
            <source>{n} channels</source>
            <translation>{n} 个通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="279" />
            <source>{w_what} ({w_part})</source>
            <translation>{w_what}（{w_part}）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="280" />
            <source>the learning setting {name}</source>
            <translation>学习设置{name}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="284" />
            <source>{sentence}.</source>
            <translation>{sentence}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/messages.py" line="287" />
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>OneByOnePanel</name>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="171" />
            <source>A 1×1 kernel looks at no neighbours. At every pixel it multiplies the vector of input channels by a C_out × C_in matrix: a fully connected layer applied pixel by pixel.</source>
            <translation>1×1 卷积核不看相邻像素。它在每个像素上用一个 C_out × C_in 矩阵乘以输入通道组成的向量：相当于逐像素应用的全连接层。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="177" />
            <source>Rows: output channels; columns: input channels. Editable.</source>
            <translation>行：输出通道；列：输入通道。可编辑。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="180" />
            <source>Make the kernel 1×1</source>
            <translation>把卷积核设为 1×1</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="181" />
            <source>A 1×1 kernel and no padding: it needs none, so the output keeps the input's height and width (padding would only add a frame of bias values).</source>
            <translation>1×1 卷积核且不填充：它不需要填充，输出保持输入的高度和宽度（填充只会在四周添上一圈偏置值）。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="205" />
            <source>The kernel is not 1×1.</source>
            <translation>卷积核不是 1×1。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="206" />
            <source>No output.</source>
            <translation>没有输出。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="208" />
            <source>max |conv − matmul| = {gap} over every pixel and output channel: the two are the same computation.</source>
            <translation>在所有像素和输出通道上，|conv − matmul| 的最大值 = {gap}：两者是同一种计算。</translation>
        </message>
    </context>
    <context>
        <name>PairController</name>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="67" />
            <source>Target image</source>
            <translation>目标图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="78" />
            <source>Cannot learn from “{name}” as the target: {error}. Nothing was changed.</source>
            <translation>无法把“{name}”作为目标来学习：{error}。没有做任何更改。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="109" />
            <source>Learning from a pair: {note}.</source>
            <translation>从一对图像学习：{note}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="110" />
            <source>Press Play to learn the kernel that turns the input into the target.</source>
            <translation>按“播放”学习把输入变成目标的卷积核。</translation>
        </message>
    </context>
    <context>
        <name>PairRow</name>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="38" />
            <source>Target from image…</source>
            <translation>从图像读取目标…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="39" />
            <source>Open a second image, the same picture after some filter: learn the kernel that turns the input into it</source>
            <translation>打开第二张图像，即同一张图片经过某个滤波后的结果：学习把输入变成它的卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="41" />
            <source>Sample pair</source>
            <translation>示例图像对</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="42" />
            <source>Open the shipped pair: a photo and the same photo through a known 5×5 kernel, with settings that learn it</source>
            <translation>打开自带的图像对：一张照片，以及同一张照片经过一个已知 5×5 卷积核的结果，并附带能学到它的设置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="46" />
            <source>The learned kernel's size k×k (1 to 15)</source>
            <translation>要学习的卷积核大小 k×k（1 到 15）</translation>
        </message>
    </context>
    <context>
        <name>Player</name>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="104" />
            <source>{title}, rows {r0}–{r1} of {rows}, columns {c0}–{c1} of {cols}</source>
            <translation>{title}，第 {r0}–{r1} 行（共 {rows} 行），第 {c0}–{c1} 列（共 {cols} 列）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="142" />
            <source>output (pooled from)</source>
            <translation>输出（汇聚的来源）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="143" />
            <source>max window</source>
            <translation>最大汇聚窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="144" />
            <source>avg window</source>
            <translation>平均汇聚窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="148" />
            <source>padded input</source>
            <translation>填充后的输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="148" />
            <source>kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="151" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="327" />
            <source>position {n} of {count}: output ({i}, {j}) =</source>
            <translation>第 {n} 个位置（共 {count} 个）：输出 ({i}, {j}) =</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="331" />
            <source>max of the window = {value}</source>
            <translation>窗口内的最大值 = {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="333" />
            <source>avg of the window = {value}</source>
            <translation>窗口内的平均值 = {value}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="338" />
            <source>Σ window × kernel</source>
            <translation>Σ 窗口 × 卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="339" />
            <source>(summed over {n} input channels)</source>
            <translation>（对 {n} 个输入通道求和）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_render.py" line="341" />
            <source>bias {value}</source>
            <translation>偏置 {value}</translation>
        </message>
    </context>
    <context>
        <name>PlayerPanel</name>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="23" />
            <source>1 position/s</source>
            <translation>每秒 1 个位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="24" />
            <source>2 positions/s</source>
            <translation>每秒 2 个位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="25" />
            <source>5 positions/s</source>
            <translation>每秒 5 个位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="26" />
            <source>15 positions/s</source>
            <translation>每秒 15 个位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="27" />
            <source>60 positions/s</source>
            <translation>每秒 60 个位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="28" />
            <source>convolution</source>
            <translation>卷积</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="29" />
            <source>pooling</source>
            <translation>汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="48" />
            <location filename="../../convlab/qt/player_panel.py" line="107" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="48" />
            <source>Play the sliding window</source>
            <translation>播放滑动窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="50" />
            <source>One position back</source>
            <translation>后退一个位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="51" />
            <source>One position forward</source>
            <translation>前进一个位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="52" />
            <source>Pinned</source>
            <translation>已固定</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="53" />
            <source>Jump to the pinned output pixel</source>
            <translation>跳到已固定的输出像素</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="55" />
            <source>Every output position, in the order the window visits them</source>
            <translation>窗口依次经过的每个输出位置</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="107" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="135" />
            <source>No output yet.</source>
            <translation>还没有输出。</translation>
        </message>
    </context>
    <context>
        <name>PoolPanel</name>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="20" />
            <source>Pooling</source>
            <translation>汇聚层</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="22" />
            <source>Pool the output</source>
            <translation>对输出做汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="23" />
            <source>Max or average pooling after the convolution</source>
            <translation>卷积之后做最大汇聚或平均汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="26" />
            <source>max</source>
            <translation>最大</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="27" />
            <source>avg</source>
            <translation>平均</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="28" />
            <source>pooling window height</source>
            <translation>汇聚窗口高</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="29" />
            <source>pooling window width</source>
            <translation>汇聚窗口宽</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="31" />
            <source>stride = window</source>
            <translation>步幅 = 窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="32" />
            <source>As in the chapter, the stride defaults to the window</source>
            <translation>与本章一致，步幅默认等于窗口大小</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="33" />
            <source>pooling stride down</source>
            <translation>汇聚层竖直步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="34" />
            <source>pooling stride across</source>
            <translation>汇聚层水平步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="36" />
            <source>pooling padding rows (each side)</source>
            <translation>汇聚层填充行数（每边）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="37" />
            <source>pooling padding columns (each side)</source>
            <translation>汇聚层填充列数（每边）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="42" />
            <source>window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="43" />
            <source>stride</source>
            <translation>步幅</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/pool_panel.py" line="44" />
            <source>padding</source>
            <translation>填充</translation>
        </message>
    </context>
    <context>
        <name>Presets</name>
        <message>
            <location filename="../../convlab/model/presets.py" line="21" />
            <source>Identity</source>
            <translation>恒等</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="22" />
            <source>Box blur</source>
            <translation>均值模糊</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="23" />
            <source>Gaussian blur 5×5</source>
            <translation>高斯模糊 5×5</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="24" />
            <source>Sharpen</source>
            <translation>锐化</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="26" />
            <source>Edge [1, −1] (chapter)</source>
            <translation>边缘 [1, −1]（本章）</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="27" />
            <source>Sobel x</source>
            <translation>Sobel x</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="28" />
            <source>Sobel y</source>
            <translation>Sobel y</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="29" />
            <source>Prewitt x</source>
            <translation>Prewitt x</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="31" />
            <source>Prewitt y</source>
            <translation>Prewitt y</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="33" />
            <source>Laplacian</source>
            <translation>拉普拉斯</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="34" />
            <source>Emboss</source>
            <translation>浮雕</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="35" />
            <source>Outline</source>
            <translation>轮廓</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="37" />
            <source>Motion blur</source>
            <translation>运动模糊</translation>
        </message>
        <message>
            <location filename="../../convlab/model/presets.py" line="38" />
            <source>Chapter 2×2 [[0, 1], [2, 3]]</source>
            <translation>本章 2×2 [[0, 1], [2, 3]]</translation>
        </message>
    </context>
    <context>
        <name>Samples</name>
        <message>
            <location filename="../../convlab/model/lessons.py" line="21" />
            <location filename="../../convlab/model/samples.py" line="61" />
            <source>Chapter 3×3 arange</source>
            <translation>本章 3×3 arange</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="22" />
            <location filename="../../convlab/model/samples.py" line="62" />
            <source>Chapter 6×8 edge image</source>
            <translation>本章 6×8 边缘图像</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="23" />
            <source>Transposed edge image</source>
            <translation>转置的边缘图像</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="24" />
            <source>random 8×8</source>
            <translation>随机 8×8</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="25" />
            <location filename="../../convlab/model/samples.py" line="67" />
            <source>Chapter 2-channel input</source>
            <translation>本章 2 通道输入</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="26" />
            <source>random 3×3×3</source>
            <translation>随机 3×3×3</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="27" />
            <location filename="../../convlab/model/samples.py" line="63" />
            <source>Chapter 4×4 arange</source>
            <translation>本章 4×4 arange</translation>
        </message>
        <message>
            <location filename="../../convlab/model/lessons.py" line="28" />
            <source>X and X + 1</source>
            <translation>X 与 X + 1</translation>
        </message>
        <message>
            <location filename="../../convlab/model/samples.py" line="24" />
            <source>Photo: cat (colour)</source>
            <translation>照片：猫（彩色）</translation>
        </message>
        <message>
            <location filename="../../convlab/model/samples.py" line="25" />
            <source>Photo: camera (grey)</source>
            <translation>照片：摄影师（灰度）</translation>
        </message>
        <message>
            <location filename="../../convlab/model/samples.py" line="64" />
            <source>Checkerboard</source>
            <translation>棋盘格</translation>
        </message>
        <message>
            <location filename="../../convlab/model/samples.py" line="65" />
            <source>Shapes</source>
            <translation>形状</translation>
        </message>
        <message>
            <location filename="../../convlab/model/samples.py" line="66" />
            <source>Noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <location filename="../../convlab/model/samples.py" line="69" />
            <source>Synthetic 4 channels</source>
            <translation>合成 4 通道</translation>
        </message>
    </context>
    <context>
        <name>Shape</name>
        <message>
            <location filename="../../convlab/model/compute.py" line="116" />
            <source>height: {rows}    width: {cols}</source>
            <translation>高：{rows}    宽：{cols}</translation>
        </message>
        <message>
            <location filename="../../convlab/model/compute.py" line="117" />
            <source>height: {rows}    width: {cols}  ({note})</source>
            <translation>高：{rows}    宽：{cols}  （{note}）</translation>
        </message>
        <message>
            <location filename="../../convlab/model/compute.py" line="118" />
            <source>a {kh}×{kw} kernel with dilation {dy}×{dx} spans {eh}×{ew}</source>
            <translation>{kh}×{kw} 卷积核在膨胀 {dy}×{dx} 下覆盖 {eh}×{ew}</translation>
        </message>
        <message>
            <location filename="../../convlab/model/compute.py" line="120" />
            <source>pooling max {wh}×{ww}:  height: {rows}    width: {cols}</source>
            <translation>最大汇聚 {wh}×{ww}：  高：{rows}    宽：{cols}</translation>
        </message>
        <message>
            <location filename="../../convlab/model/compute.py" line="122" />
            <source>pooling avg {wh}×{ww}:  height: {rows}    width: {cols}</source>
            <translation>平均汇聚 {wh}×{ww}：  高：{rows}    宽：{cols}</translation>
        </message>
    </context>
    <context>
        <name>ShiftPanel</name>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="57" />
            <source>shift the input right (arrow keys when focused)</source>
            <translation>向右平移输入（获得焦点时可用方向键）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="59" />
            <source>shift the input down (the Down arrow when focused)</source>
            <translation>向下平移输入（获得焦点时按下方向键）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="64" />
            <source>|Δ output|</source>
            <translation>|Δ 输出|</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="65" />
            <source>|Δ pooled|</source>
            <translation>|Δ 汇聚结果|</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="66" />
            <source>Pooling makes a network less sensitive to where a feature is. Shift the scene by a pixel or two and compare how much the output changes with the change after pooling (relative to the size of each).</source>
            <translation>汇聚层降低了网络对特征位置的敏感度。把画面平移一两个像素，比较输出的变化与汇聚之后的变化（各自相对于自身的大小）。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="126" />
            <source>These settings give no output to compare.</source>
            <translation>这些设置没有可比较的输出。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="130" />
            <source>Nothing to compare: the part of the input that both positions see is {h}×{w}, too small for the kernel and the pooling window. Try a smaller shift or a larger input.</source>
            <translation>无从比较：两个位置都能看到的输入部分只有 {h}×{w}，对卷积核和汇聚窗口来说太小。请减小平移量或换一个更大的输入。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="139" />
            <source>Move a slider to shift the input.</source>
            <translation>拖动滑块来平移输入。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="142" />
            <source>{h}×{w} max pooling</source>
            <translation>{h}×{w} 最大汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="143" />
            <source>{h}×{w} avg pooling</source>
            <translation>{h}×{w} 平均汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="145" />
            <source>{what} (pooling is off; this is what 2×2 max would do)</source>
            <translation>{what}（汇聚层已关闭；这是 2×2 最大汇聚的结果）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="148" />
            <source>Shift (y {dy}, x {dx}): the output changed by {conv} of its typical size; after {what}, by {pool}.</source>
            <translation>平移 (y {dy}, x {dx})：输出的变化为其典型大小的 {conv}；经过 {what}之后，变化为 {pool}。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="152" />
            <source>{sentence} Nothing changed: the kernel sees no difference here.</source>
            <translation>{sentence}没有任何变化：卷积核在这里看不出差别。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="155" />
            <source>{sentence} Pooling removed {share} of the change: the pooled output cares less about exactly where a feature is.</source>
            <translation>{sentence}汇聚消除了 {share} 的变化：汇聚后的输出不太在意特征的确切位置。</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/explainers.py" line="158" />
            <source>{sentence} Here pooling did not reduce the change (a shift by a whole pooling stride moves the pooled output too); try a one-pixel shift.</source>
            <translation>{sentence}这里汇聚没有减小变化（平移整整一个汇聚步幅也会移动汇聚后的输出）；试试平移一个像素。</translation>
        </message>
    </context>
    <context>
        <name>SliceOverview</name>
        <message>
            <location filename="../../convlab/qt/kernel_panel.py" line="39" />
            <source>Rows: output channels; columns: input channels. Click to edit a slice.</source>
            <translation>行：输出通道；列：输入通道。单击编辑一个切片。</translation>
        </message>
    </context>
    <context>
        <name>SpectrumPlot</name>
        <message>
            <location filename="../../convlab/qt/frequency_view.py" line="28" />
            <source>fx (cycles/pixel)</source>
            <translation>fx（周期/像素）</translation>
        </message>
    </context>
    <context>
        <name>Stability</name>
        <message>
            <location filename="../../convlab/model/stability.py" line="121" />
            <source>Largest stable SGD rate: 2/λ_max = {rate} (λ_max = {high}, λ_min = {low}).</source>
            <translation>SGD 的最大稳定学习率：2/λ_max = {rate}（λ_max = {high}，λ_min = {low}）。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="123" />
            <source>Condition number κ = λ_max/λ_min = {kappa}.</source>
            <translation>条件数 κ = λ_max/λ_min = {kappa}。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="124" />
            <source>∞ (a flat direction: some kernels fit equally well)</source>
            <translation>∞（存在平坦方向：某些卷积核拟合得一样好）</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="126" />
            <source>At best SGD shrinks the error by (κ−1)/(κ+1) = {contraction} a step (at rate {rate}), so about {steps} steps shrink it a millionfold.</source>
            <translation>SGD 每一步最多把误差缩小为原来的 (κ−1)/(κ+1) = {contraction}（学习率为 {rate} 时），所以大约要 {steps} 步才能把误差缩小到百万分之一。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="129" />
            <source>Momentum 0.9 is stable below 2(1+β)/λ_max = {rate} and needs about √κ times fewer steps.</source>
            <translation>动量 0.9 在学习率低于 2(1+β)/λ_max = {rate} 时稳定，所需步数约为 SGD 的 1/√κ。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="131" />
            <source>Momentum 0.9 is stable below 2(1+β)/λ_max = {rate}.</source>
            <translation>动量 0.9 在学习率低于 2(1+β)/λ_max = {rate} 时稳定。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="133" />
            <source>Adam divides each step by the gradient's running size, so no λ bounds it: its rate is roughly the distance a weight moves per step, and near the minimum it jitters by about that much.</source>
            <translation>Adam 把每一步除以梯度的滑动平均大小，因此不受任何 λ 的限制：它的学习率大致就是权重每一步移动的距离，在最小值附近也会以差不多这个幅度来回抖动。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="137" />
            <source>above {limit}: the loss will grow</source>
            <translation>高于 {limit}：损失会增大</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="139" />
            <source>Why: above 2/λ_max = {limit} each step multiplies the error along the loss's steepest direction by more than 1 (here |1 − rate·λ_max| = {factor}), so it grows. Try 1/λ_max = {safe}.</source>
            <translation>原因：学习率高于 2/λ_max = {limit} 时，每一步都把损失最陡方向上的误差乘以大于 1 的因子（此处 |1 − 学习率·λ_max| = {factor}），误差便越来越大。请试试 1/λ_max = {safe}。</translation>
        </message>
        <message>
            <location filename="../../convlab/model/stability.py" line="143" />
            <source>Why: with momentum 0.9 the error along the loss's steepest direction grows for rates above 2(1+β)/λ_max = {limit}; try {best}.</source>
            <translation>原因：使用动量 0.9 时，学习率高于 2(1+β)/λ_max = {limit} 会使损失最陡方向上的误差越来越大；请试试 {best}。</translation>
        </message>
    </context>
    <context>
        <name>StabilityReadout</name>
        <message>
            <location filename="../../convlab/qt/learn_stability.py" line="96" />
            <source>No stability readout: {reason}.</source>
            <translation>无法给出稳定性读数：{reason}。</translation>
        </message>
    </context>
    <context>
        <name>StabilityView</name>
        <message>
            <location filename="../../convlab/qt/stability_view.py" line="40" />
            <source>Largest stable SGD rate: computing…</source>
            <translation>SGD 的最大稳定学习率：计算中…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/stability_view.py" line="41" />
            <source>Condition number κ: computing…</source>
            <translation>条件数 κ：计算中…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/stability_view.py" line="52" />
            <source>Largest stable SGD rate: —</source>
            <translation>SGD 的最大稳定学习率：—</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/stability_view.py" line="53" />
            <source>Condition number κ: —</source>
            <translation>条件数 κ：—</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/stability_view.py" line="58" />
            <source>Largest stable SGD rate 2/λ_max = {rate} (λ_max = {high}, λ_min = {low})</source>
            <translation>SGD 的最大稳定学习率 2/λ_max = {rate}（λ_max = {high}，λ_min = {low}）</translation>
        </message>
    </context>
    <context>
        <name>UndoLabel</name>
        <message>
            <location filename="../../convlab/model/history.py" line="22" />
            <source>start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="23" />
            <source>padding</source>
            <translation>填充</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="24" />
            <source>padding mode</source>
            <translation>填充方式</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="25" />
            <source>stride/dilation</source>
            <translation>步幅/膨胀</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="26" />
            <source>pooling</source>
            <translation>汇聚</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="27" />
            <source>edit kernel</source>
            <translation>编辑卷积核</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="28" />
            <source>kernel size</source>
            <translation>卷积核大小</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="30" />
            <source>kernel size for learning</source>
            <translation>为学习调整卷积核大小</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="31" />
            <source>output channels</source>
            <translation>输出通道</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="32" />
            <source>select slice</source>
            <translation>选择切片</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="33" />
            <source>bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="34" />
            <source>flip</source>
            <translation>翻转</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="35" />
            <source>normalize</source>
            <translation>归一化</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="36" />
            <source>randomize</source>
            <translation>随机化</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="37" />
            <source>transpose</source>
            <translation>转置</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="38" />
            <source>edit input</source>
            <translation>编辑输入</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="39" />
            <source>edit 1×1 matrix</source>
            <translation>编辑 1×1 矩阵</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="40" />
            <source>1×1 kernel without padding</source>
            <translation>1×1 卷积核且不填充</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="41" />
            <source>open image</source>
            <translation>打开图像</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="42" />
            <source>open session</source>
            <translation>打开会话</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="43" />
            <source>restore last session</source>
            <translation>恢复上次的会话</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="44" />
            <source>chapter example</source>
            <translation>本章示例</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="45" />
            <source>learning run</source>
            <translation>学习过程</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="46" />
            <source>learning settings</source>
            <translation>学习设置</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="50" />
            <source>{name} padding</source>
            <translation>{name}填充</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="51" />
            <source>preset {name}</source>
            <translation>预设 {name}</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="52" />
            <source>input {name}</source>
            <translation>输入 {name}</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="53" />
            <source>lesson: {name}</source>
            <translation>课程：{name}</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="55" />
            <source>valid</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="56" />
            <source>same</source>
            <translation>等大</translation>
        </message>
        <message>
            <location filename="../../convlab/model/history.py" line="57" />
            <source>full</source>
            <translation>全</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_controller.py" line="113" />
            <source>reset learning</source>
            <translation>重置学习</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="83" />
            <source>target image</source>
            <translation>目标图像</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="96" />
            <source>sample pair</source>
            <translation>示例图像对</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/learn_pair.py" line="29" />
            <source>pair kernel size</source>
            <translation>图像对的卷积核大小</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/player_panel.py" line="30" />
            <source>animation export</source>
            <translation>导出动画</translation>
        </message>
    </context>
    <context>
        <name>ViewsPanel</name>
        <message>
            <location filename="../../convlab/qt/views.py" line="49" />
            <source>compiling the compute core (first run only)…</source>
            <translation>正在编译计算核心（仅首次运行）…</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="79" />
            <location filename="../../convlab/qt/views.py" line="229" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="80" />
            <location filename="../../convlab/qt/views.py" line="246" />
            <location filename="../../convlab/qt/views.py" line="258" />
            <source>padded input</source>
            <translation>填充后的输入</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="81" />
            <location filename="../../convlab/qt/views.py" line="259" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="82" />
            <location filename="../../convlab/qt/views.py" line="260" />
            <source>pooled</source>
            <translation>汇聚结果</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="250" />
            <source>output channel {channel}</source>
            <translation>输出通道 {channel}</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="282" />
            <source>pooled (max)</source>
            <translation>汇聚结果（最大）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="283" />
            <source>pooled (avg)</source>
            <translation>汇聚结果（平均）</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="333" />
            <source>{name} — {h}×{w} × {c} channels</source>
            <translation>{name} — {h}×{w} × {c} 个通道</translation>
        </message>
        <message>
            <location filename="../../convlab/qt/views.py" line="335" />
            <source>{name} — {h}×{w}</source>
            <translation>{name} — {h}×{w}</translation>
        </message>
    </context>
</TS>
