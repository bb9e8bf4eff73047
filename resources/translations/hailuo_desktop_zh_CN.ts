<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Submit the images and prompt to the provider</source>
        <translation>将图片和提示词提交给服务商</translation>
    </message>
    <message>
        <source>&amp;Remove task</source>
        <translation>删除任务(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected task from the list</source>
        <translation>从列表中删除所选任务</translation>
    </message>
    <message>
        <source>&amp;Notify when tasks finish</source>
        <translation>任务完成时通知(&amp;N)</translation>
    </message>
    <message>
        <source>Show a desktop notification per task or batch</source>
        <translation>每个任务或批次完成时显示桌面通知</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose images to animate</source>
        <translation>选择要生成动画的图片</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>Paste an image, an image file or an image URL</source>
        <translation>粘贴图片、图片文件或图片 URL</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Keys, output folder, proxy, notifications</source>
        <translation>密钥、输出文件夹、代理、通知</translation>
    </message>
    <message>
        <source>&amp;Find tasks</source>
        <translation>查找任务(&amp;F)</translation>
    </message>
    <message>
        <source>Search the tasks by prompt</source>
        <translation>按提示词搜索任务</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit Hailuo Desktop</source>
        <translation>退出 Hailuo Desktop</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>试用演示(&amp;D)</translation>
    </message>
    <message>
        <source>Restart on the built-in simulator: no key, no charge</source>
        <translation>在内置模拟器上重新启动：无需密钥、不收费</translation>
    </message>
    <message>
        <source>Balance: ${amount}</source>
        <translation>余额：${amount}</translation>
    </message>
    <message>
        <source>Balance: {amount} credits</source>
        <translation>余额：{amount} 积分</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.avif *.heic);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.avif *.heic);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter a key…</source>
        <translation>输入密钥…</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>充值…</translation>
    </message>
    <message>
        <source>Edit the prompt</source>
        <translation>编辑提示词</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Open dashboard…</source>
        <translation>打开控制台…</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出了点问题</translation>
    </message>
    <message>
        <source>Copy the details and report them; your tasks are safe.</source>
        <translation>复制详情并报告；您的任务是安全的。</translation>
    </message>
    <message>
        <source>{name} refused the key</source>
        <translation>{name} 拒绝了该密钥</translation>
    </message>
    <message>
        <source>Enter a valid {name} key in Settings.</source>
        <translation>请在设置中输入有效的 {name} 密钥。</translation>
    </message>
    <message>
        <source>No key for {name}</source>
        <translation>没有 {name} 的密钥</translation>
    </message>
    <message>
        <source>Enter a {name} key, or try the demo.</source>
        <translation>请输入 {name} 密钥，或试用演示。</translation>
    </message>
    <message>
        <source>No system keyring is available</source>
        <translation>没有可用的系统密钥环</translation>
    </message>
    <message>
        <source>The key is kept for this session only; enter it again next time.</source>
        <translation>此密钥仅在本次会话中保存；下次需要重新输入。</translation>
    </message>
    <message>
        <source>Not enough balance on {name}</source>
        <translation>{name} 余额不足</translation>
    </message>
    <message>
        <source>Your {name} key cannot use this model</source>
        <translation>您的 {name} 密钥无法使用此模型</translation>
    </message>
    <message>
        <source>Choose another model, or enable this one in your {name} account.</source>
        <translation>请选择其他模型，或在您的 {name} 账户中启用此模型。</translation>
    </message>
    <message>
        <source>{name} refused the request</source>
        <translation>{name} 拒绝了该请求</translation>
    </message>
    <message>
        <source>Change the prompt or the settings, then try again.</source>
        <translation>请更改提示词或设置后重试。</translation>
    </message>
    <message>
        <source>{name}&apos;s content filter refused the prompt or the image</source>
        <translation>{name} 的内容过滤器拒绝了提示词或图片</translation>
    </message>
    <message>
        <source>{name} will not accept this image</source>
        <translation>{name} 不接受这张图片</translation>
    </message>
    <message>
        <source>Use another image, or crop or resize it.</source>
        <translation>请使用其他图片，或裁剪、缩放它。</translation>
    </message>
    <message>
        <source>{name} needs a public image URL</source>
        <translation>{name} 需要公开的图片 URL</translation>
    </message>
    <message>
        <source>Paste an image URL, or choose an upload route in Settings.</source>
        <translation>请粘贴图片 URL，或在设置中选择上传方式。</translation>
    </message>
    <message>
        <source>{name} asks us to slow down</source>
        <translation>{name} 要求我们放慢速度</translation>
    </message>
    <message>
        <source>{name} is not answering properly</source>
        <translation>{name} 没有正常回应</translation>
    </message>
    <message>
        <source>{name} is down for maintenance</source>
        <translation>{name} 正在维护</translation>
    </message>
    <message>
        <source>Try again later; nothing was charged.</source>
        <translation>请稍后再试；没有收取任何费用。</translation>
    </message>
    <message>
        <source>{name} has switched this model off for now</source>
        <translation>{name} 暂时关闭了此模型</translation>
    </message>
    <message>
        <source>Try again later, or choose another model.</source>
        <translation>请稍后再试，或选择其他模型。</translation>
    </message>
    <message>
        <source>Could not reach {name}</source>
        <translation>无法连接 {name}</translation>
    </message>
    <message>
        <source>Check your internet connection or the proxy in Settings, then try again.</source>
        <translation>请检查网络连接或设置中的代理，然后重试。</translation>
    </message>
    <message>
        <source>{name} may have created (and charged) this task</source>
        <translation>{name} 可能已创建（并收费）此任务</translation>
    </message>
    <message>
        <source>Check your {name} dashboard before retrying: a retry may be charged again.</source>
        <translation>重试前请查看您的 {name} 控制台：重试可能会再次收费。</translation>
    </message>
    <message>
        <source>{name} no longer knows this task</source>
        <translation>{name} 已不再知道此任务</translation>
    </message>
    <message>
        <source>Check your {name} dashboard; start a new task if it is not there.</source>
        <translation>请查看您的 {name} 控制台；如果没有该任务，请新建一个。</translation>
    </message>
    <message>
        <source>{name} has not finished this task yet</source>
        <translation>{name} 尚未完成此任务</translation>
    </message>
    <message>
        <source>Checking this task at {name} stopped</source>
        <translation>在 {name} 查询此任务已停止</translation>
    </message>
    <message>
        <source>The app asked {name} about it many times without a usable answer and stopped to free the slot. Resume checks it again; Give up stops for good. Its state is also on your {name} dashboard.</source>
        <translation>应用已多次向 {name} 查询此任务，都没有得到可用的回复，为腾出名额已停止查询。“继续”会再次查询；“放弃”则永久停止。它的状态也可以在你的 {name} 控制台查看。</translation>
    </message>
    <message>
        <source>The outcome of this task is unknown</source>
        <translation>此任务的结果未知</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>If {name} already had it, Resume follows it again (nothing is re-sent); Retry starts a new task, charged again.</source>
        <translation>如果 {name} 已收到该任务，“继续”会重新跟进（不会重新发送）；“重试”会创建一个新任务，并再次计费。</translation>
    </message>
    <message>
        <source>Free some space or choose another output folder, then press Resume on the task.</source>
        <translation>请释放一些空间或选择其他输出文件夹，然后在该任务上点击“继续”。</translation>
    </message>
    <message>
        <source>The video&apos;s link expired before it was saved</source>
        <translation>视频链接在保存前已过期</translation>
    </message>
    <message>
        <source>Change the image or the prompt, then generate again: the same ones will be refused again.</source>
        <translation>请更改图片或提示词后再生成：相同的内容会再次被拒绝。</translation>
    </message>
    <message>
        <source>Top up your {name} account (Top up… opens its page), then press Resume above Generate: new tasks for {name} are held until then, and nothing is charged for them.</source>
        <translation>请为您的 {name} 账户充值（“充值…”会打开其页面），然后按“生成”上方的“继续”：在此之前发往 {name} 的新任务会被暂停，且不会为其收费。</translation>
    </message>
    <message>
        <source>The app waited and tried again as {name} asked; nothing was created or charged. Try again in a few minutes.</source>
        <translation>应用已按 {name} 的要求等待并重试；没有创建任务，也没有收费。请几分钟后再试。</translation>
    </message>
    <message>
        <source>The app tried several times. Try again in a few minutes; a task {name} already has is checked again on the next start.</source>
        <translation>应用已尝试多次。请几分钟后再试；{name} 已有的任务会在下次启动时再次检查。</translation>
    </message>
    <message>
        <source>{name} could not make this video</source>
        <translation>{name} 无法制作此视频</translation>
    </message>
    <message>
        <source>Its reason is above. Retry sends a new task with the same settings (charged again); if the reason is about the image or the prompt, change them first.</source>
        <translation>原因见上方。“重试”会用相同设置发送一个新任务（会再次收费）；如果原因与图片或提示词有关，请先修改它们。</translation>
    </message>
    <message>
        <source>It may still finish: the app checks it again on the next start, or press Resume to check now.</source>
        <translation>它仍可能完成：应用会在下次启动时再次检查，或按“继续”立即检查。</translation>
    </message>
    <message>
        <source>Fix the cause shown above, then press Resume; {name} keeps the task meanwhile.</source>
        <translation>请先解决上面显示的原因，然后按“继续”；{name} 会一直保留该任务。</translation>
    </message>
    <message>
        <source>This task needs a check</source>
        <translation>此任务需要检查</translation>
    </message>
    <message>
        <source>{name} keeps results only for a limited time, so this video cannot be fetched any more. Generate again makes a new, paid task.</source>
        <translation>{name} 只在有限时间内保留结果，因此无法再获取此视频。“再次生成”会创建一个新的付费任务。</translation>
    </message>
    <message>
        <source>The video could not be saved yet</source>
        <translation>视频暂时无法保存</translation>
    </message>
    <message>
        <source>It is tried again on the next start. {name}&apos;s link stays valid for a limited time (kie.ai and Apikley: about a day), so do not wait long.</source>
        <translation>下次启动时会重试。{name} 的链接只在有限时间内有效（kie.ai 和 Apikley：约一天），所以不要等太久。</translation>
    </message>
    <message>
        <source>Could not write to the disk</source>
        <translation>无法写入磁盘</translation>
    </message>
    <message>
        <source>Free some space or choose another output folder in Settings.</source>
        <translation>请释放一些空间，或在设置中选择其他输出文件夹。</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>This take has no video yet</source>
        <translation>此镜头还没有视频</translation>
    </message>
    <message>
        <source>Wait until it has finished, or leave it out.</source>
        <translation>请等它完成，或将其排除。</translation>
    </message>
    <message>
        <source>The video could not be read</source>
        <translation>无法读取视频</translation>
    </message>
    <message>
        <source>The file was moved, deleted or damaged; leave this take out.</source>
        <translation>文件已被移动、删除或损坏；请排除此镜头。</translation>
    </message>
    <message>
        <source>There is no frame at that time</source>
        <translation>该时间点没有帧</translation>
    </message>
    <message>
        <source>Choose a time within the clip.</source>
        <translation>请选择片段内的时间点。</translation>
    </message>
    <message>
        <source>These takes cannot be joined as they are</source>
        <translation>这些镜头无法按原样合并</translation>
    </message>
    <message>
        <source>Join only takes made with the same model and settings.</source>
        <translation>只合并使用相同模型和设置制作的镜头。</translation>
    </message>
    <message>
        <source>The file name template cannot be used</source>
        <translation>无法使用该文件名模板</translation>
    </message>
    <message>
        <source>Put fields in braces: date, prompt (prompt:40 keeps 40 characters), provider, model, n and others.</source>
        <translation>在花括号中填写字段：date、prompt（prompt:40 保留 40 个字符）、provider、model、n 等。</translation>
    </message>
    <message>
        <source>A file of that name is already there</source>
        <translation>已存在同名文件</translation>
    </message>
    <message>
        <source>Choose another name; nothing was overwritten.</source>
        <translation>请换一个名称；没有覆盖任何内容。</translation>
    </message>
    <message>
        <source>That task id is too short</source>
        <translation>该任务 ID 太短</translation>
    </message>
    <message>
        <source>Give at least 6 characters of the id.</source>
        <translation>请至少提供 ID 的 6 个字符。</translation>
    </message>
    <message>
        <source>No task has that id</source>
        <translation>没有该 ID 的任务</translation>
    </message>
    <message>
        <source>Check the id in the task list.</source>
        <translation>请在任务列表中核对 ID。</translation>
    </message>
    <message>
        <source>Several tasks start with that id</source>
        <translation>有多个任务以该 ID 开头</translation>
    </message>
    <message>
        <source>Give more characters of the id.</source>
        <translation>请提供更多 ID 字符。</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>The provider said: </source>
        <translation>服务商说：</translation>
    </message>
    <message>
        <source>{amount} credits</source>
        <translation>{amount} 积分</translation>
    </message>
    <message>
        <source>{amount} cr</source>
        <translation>{amount} 积分</translation>
    </message>
    <message>
        <source>{name} refunds failed tasks</source>
        <translation>{name} 会为失败的任务退款</translation>
    </message>
    <message>
        <source>{name} charges failed tasks</source>
        <translation>{name} 会对失败的任务收费</translation>
    </message>
    <message>
        <source>{name} does not say whether it charges failed tasks</source>
        <translation>{name} 未说明是否对失败的任务收费</translation>
    </message>
    <message>
        <source>{amount} estimate · not sent yet</source>
        <translation>{amount}（估计）· 尚未发送</translation>
    </message>
    <message>
        <source>{zero} · never sent</source>
        <translation>{zero} · 从未发送</translation>
    </message>
    <message>
        <source>{amount} charged (video made)</source>
        <translation>已收费 {amount}（视频已生成）</translation>
    </message>
    <message>
        <source>failed · {amount} charged ({policy})</source>
        <translation>失败 · 已收费 {amount}（{policy}）</translation>
    </message>
    <message>
        <source>failed · {zero}, refunded ({policy})</source>
        <translation>失败 · {zero}，已退款（{policy}）</translation>
    </message>
    <message>
        <source>failed · charge unknown, up to {amount} ({policy})</source>
        <translation>失败 · 收费未知，最多 {amount}（{policy}）</translation>
    </message>
    <message>
        <source>{amount} charged</source>
        <translation>已收费 {amount}</translation>
    </message>
    <message>
        <source>{amount} estimate</source>
        <translation>{amount}（估计）</translation>
    </message>
    <message>
        <source>{amount} estimate · being sent</source>
        <translation>{amount}（估计）· 正在发送</translation>
    </message>
    <message>
        <source>cancelled · may be charged (up to {amount})</source>
        <translation>已取消 · 可能收费（最多 {amount}）</translation>
    </message>
    <message>
        <source>may be charged (up to {amount})</source>
        <translation>可能收费（最多 {amount}）</translation>
    </message>
    <message>
        <source>est. {amount}</source>
        <translation>约 {amount}</translation>
    </message>
    <message>
        <source>{zero} not sent</source>
        <translation>{zero} 未发送</translation>
    </message>
    <message>
        <source>{zero} refunded</source>
        <translation>{zero} 已退款</translation>
    </message>
    <message>
        <source>up to {amount}?</source>
        <translation>最多 {amount}？</translation>
    </message>
    <message>
        <source>Generate again</source>
        <translation>再次生成</translation>
    </message>
    <message>
        <source>{verb} (+ price unknown)</source>
        <translation>{verb}（+ 价格未知）</translation>
    </message>
    <message>
        <source>{verb} (+{amount})</source>
        <translation>{verb}（+{amount}）</translation>
    </message>
    <message>
        <source>&amp;Continue from last frame</source>
        <translation>从最后一帧继续(&amp;C)</translation>
    </message>
    <message>
        <source>Start the next clip from this take&apos;s last frame: same provider, model and settings</source>
        <translation>从此镜头的最后一帧开始下一个片段：相同的服务商、模型和设置</translation>
    </message>
    <message>
        <source>Send last frame to &amp;Start</source>
        <translation>将最后一帧发送到“开始”(&amp;S)</translation>
    </message>
    <message>
        <source>Put this take&apos;s last frame in compose&apos;s Start slot</source>
        <translation>将此镜头的最后一帧放入编辑区的“开始”位置</translation>
    </message>
    <message>
        <source>Send last frame to &amp;End</source>
        <translation>将最后一帧发送到“结束”(&amp;E)</translation>
    </message>
    <message>
        <source>Put this take&apos;s last frame in compose&apos;s End slot</source>
        <translation>将此镜头的最后一帧放入编辑区的“结束”位置</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>所有任务</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Tasks sent</source>
        <translation>已发送的任务</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>估计</translation>
    </message>
    <message>
        <source>Charged</source>
        <translation>已扣费</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>所有日期</translation>
    </message>
    <message>
        <source>Cost ledger</source>
        <translation>费用账本</translation>
    </message>
    <message>
        <source>Tasks sent, estimated, charged, refunded and not confirmed</source>
        <translation>已发送、估计、已收费、已退款和未确认的任务</translation>
    </message>
    <message>
        <source>Sent tasks only (a task never sent costs nothing). &quot;Not confirmed&quot;: the provider has not said whether it charged; the app&apos;s price table gives the amount.</source>
        <translation>仅统计已发送的任务（从未发送的任务不花钱）。“未确认”：服务商尚未说明是否已收费；金额来自应用的价格表。</translation>
    </message>
    <message>
        <source>Copy as CSV</source>
        <translation>复制为 CSV</translation>
    </message>
    <message>
        <source>Per day and provider</source>
        <translation>按日期和服务商</translation>
    </message>
    <message>
        <source>Totals per provider</source>
        <translation>按服务商合计</translation>
    </message>
    <message>
        <source>Copy the ledger as CSV, to paste in a spreadsheet</source>
        <translation>将账本复制为 CSV，以粘贴到电子表格中</translation>
    </message>
    <message>
        <source>Close the ledger</source>
        <translation>关闭账本</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>尚未发送任何内容。</translation>
    </message>
    <message>
        <source>Needs a check</source>
        <translation>需要检查</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>生成中</translation>
    </message>
    <message>
        <source>Saving video</source>
        <translation>正在保存视频</translation>
    </message>
    <message>
        <source>Unknown: check</source>
        <translation>未知：请检查</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>prompt optimizer on</source>
        <translation>提示词优化开</translation>
    </message>
    <message>
        <source>prompt optimizer off</source>
        <translation>提示词优化关</translation>
    </message>
    <message>
        <source>This name template cannot be used: {reason}.</source>
        <translation>无法使用此名称模板：{reason}。</translation>
    </message>
    <message>
        <source>Take {task} has no video on disk (it is {state}); leave it out of the selection.</source>
        <translation>镜头 {task} 在磁盘上没有视频（状态为{state}）；请将其从选择中排除。</translation>
    </message>
    <message>
        <source>The video {path} cannot be read ({reason}).</source>
        <translation>无法读取视频 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>A file of that name is already there; nothing was overwritten.</source>
        <translation>已存在同名文件；没有覆盖任何内容。</translation>
    </message>
    <message>
        <source>Mark the selected takes as keepers, or unmark them</source>
        <translation>将所选镜头标记为保留，或取消标记</translation>
    </message>
    <message>
        <source>Hide the selected takes from the default view, or bring them back</source>
        <translation>在默认视图中隐藏所选镜头，或将其恢复</translation>
    </message>
    <message>
        <source>Play 2 to 4 finished takes in sync</source>
        <translation>同步播放 2 到 4 个已完成的镜头</translation>
    </message>
    <message>
        <source>C&amp;opy video files</source>
        <translation>复制视频文件(&amp;O)</translation>
    </message>
    <message>
        <source>Copy the videos, to paste in a file manager or editor</source>
        <translation>复制视频，以便粘贴到文件管理器或编辑器中</translation>
    </message>
    <message>
        <source>S&amp;tar (keep)</source>
        <translation>加星标（保留）(&amp;T)</translation>
    </message>
    <message>
        <source>Reject (&amp;hide)</source>
        <translation>淘汰（隐藏）(&amp;H)</translation>
    </message>
    <message>
        <source>Co&amp;mpare side by side</source>
        <translation>并排比较(&amp;M)</translation>
    </message>
    <message>
        <source>Copy the videos to a folder with readable names, their prompts inside</source>
        <translation>将视频复制到文件夹，使用易读的名称，并内含提示词</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>Stop following the selected running takes</source>
        <translation>停止跟进所选的正在运行的镜头</translation>
    </message>
    <message>
        <source>Re&amp;use settings</source>
        <translation>复用设置(&amp;U)</translation>
    </message>
    <message>
        <source>Put this take&apos;s image, prompt and settings in compose</source>
        <translation>将此镜头的图片、提示词和设置放入编辑区</translation>
    </message>
    <message>
        <source>Open &amp;video</source>
        <translation>打开视频(&amp;V)</translation>
    </message>
    <message>
        <source>Open the video in your player</source>
        <translation>在您的播放器中打开视频</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>Open the folder that holds the video</source>
        <translation>打开存放该视频的文件夹</translation>
    </message>
    <message>
        <source>Copy &amp;prompt</source>
        <translation>复制提示词(&amp;P)</translation>
    </message>
    <message>
        <source>Copy the full prompt</source>
        <translation>复制完整提示词</translation>
    </message>
    <message>
        <source>&amp;Generate again</source>
        <translation>再次生成(&amp;G)</translation>
    </message>
    <message>
        <source>Start a new task with the same settings (charged again)</source>
        <translation>用相同设置开始一个新任务（会再次收费）</translation>
    </message>
    <message>
        <source>&amp;Grid of takes</source>
        <translation>镜头网格(&amp;G)</translation>
    </message>
    <message>
        <source>Show the takes as tiles instead of a list (Ctrl+G)</source>
        <translation>以图块而不是列表显示镜头 (Ctrl+G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>{n} take(s) {what}.</source>
        <translation>{n} 个镜头{what}。</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>没有视频</translation>
    </message>
    <message>
        <source>Not ready yet</source>
        <translation>尚未就绪</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>%n ready</source>
        <translation>%n 个就绪</translation>
    </message>
    <message>
        <source>%n finished: </source>
        <translation>已完成 %n 个：</translation>
    </message>
    <message>
        <source>Batch ready</source>
        <translation>批次就绪</translation>
    </message>
    <message>
        <source>Batch finished with problems</source>
        <translation>批次已完成，但有问题</translation>
    </message>
    <message>
        <source>Batch finished</source>
        <translation>批次已完成</translation>
    </message>
    <message>
        <source>Cancel the whole &amp;batch…</source>
        <translation>取消整个批次(&amp;B)…</translation>
    </message>
    <message>
        <source>Stop following every unfinished task of this Generate click</source>
        <translation>停止跟进这次“生成”的所有未完成任务</translation>
    </message>
    <message>
        <source>%n task(s) of the batch cancelled.</source>
        <translation>已取消该批次的 %n 个任务。</translation>
    </message>
    <message>
        <source>%n unfinished task(s) of this batch will no longer be followed.</source>
        <translation>将不再跟进该批次中 %n 个未完成的任务。</translation>
    </message>
    <message>
        <source>%n of them were already sent: {name} may still charge for them, and their videos will not be saved unless you resume them.</source>
        <translation>其中 %n 个已发送：{name} 可能仍会为其收费，除非您继续跟进，否则其视频不会被保存。</translation>
    </message>
    <message>
        <source>Cancel the whole batch?</source>
        <translation>取消整个批次？</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>取消该批次</translation>
    </message>
    <message>
        <source>Keep following</source>
        <translation>继续跟进</translation>
    </message>
    <message>
        <source>Stop following a task {name} already has?</source>
        <translation>停止跟进 {name} 已有的任务？</translation>
    </message>
    <message>
        <source>{name} has this task and may still charge for it. If you stop following it, its video will not be saved here. You can resume following it later.</source>
        <translation>{name} 持有此任务，仍可能为其收费。如果停止跟进，其视频将不会保存在这里。您可以稍后继续跟进。</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>停止跟进</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation>无法读取文件：{reason}。</translation>
    </message>
    <message>
        <source>The file is too large for a prompt table ({bytes} bytes; at most {limit}).</source>
        <translation>该文件对于提示词表来说太大（{bytes} 字节；最多 {limit}）。</translation>
    </message>
    <message>
        <source>The file is not text: save the sheet as CSV (UTF-8).</source>
        <translation>该文件不是文本：请将表格另存为 CSV (UTF-8)。</translation>
    </message>
    <message>
        <source>The file is not valid CSV: {reason}.</source>
        <translation>该文件不是有效的 CSV：{reason}。</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>文件中没有行。</translation>
    </message>
    <message>
        <source>The header names no prompt column (columns: {columns}).</source>
        <translation>表头中没有提示词列（列：{columns}）。</translation>
    </message>
    <message>
        <source>The header names no image column (columns: {columns}).</source>
        <translation>表头中没有图片列（列：{columns}）。</translation>
    </message>
    <message>
        <source>Line {line}: an image and a prompt are needed; this row has {cells} cell(s).</source>
        <translation>第 {line} 行：需要图片和提示词；此行有 {cells} 个单元格。</translation>
    </message>
    <message>
        <source>Line {line}: no image is named.</source>
        <translation>第 {line} 行：未指定图片。</translation>
    </message>
    <message>
        <source>Line {line}: {image} has an empty prompt.</source>
        <translation>第 {line} 行：{image} 的提示词为空。</translation>
    </message>
    <message>
        <source>Line {line}: {image} is not in the list of images.</source>
        <translation>第 {line} 行：{image} 不在图片列表中。</translation>
    </message>
    <message>
        <source>Line {line}: {image} names {count} listed images; give its full path.</source>
        <translation>第 {line} 行：{image} 对应 {count} 张列表中的图片；请给出完整路径。</translation>
    </message>
    <message>
        <source>Line {line}: {image} already has a prompt on line {first_line}.</source>
        <translation>第 {line} 行：{image} 已在第 {first_line} 行有提示词。</translation>
    </message>
    <message>
        <source>Send %n videos for {amount}?</source>
        <translation>以 {amount} 发送 %n 个视频？</translation>
    </message>
    <message>
        <source>This order makes %n paid videos, {amount} in all by the app&apos;s price table.</source>
        <translation>此订单将生成 %n 个付费视频，按应用的价格表共计 {amount}。</translation>
    </message>
    <message>
        <source>You asked to be asked above ${limit:.2f} (Settings › General).</source>
        <translation>您要求在超过 ${limit:.2f} 时先询问（设置 › 常规）。</translation>
    </message>
    <message>
        <source>Send %n videos</source>
        <translation>发送 %n 个视频</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>never ask</source>
        <translation>从不询问</translation>
    </message>
    <message>
        <source>Generate asks first when one click would cost more than this (0: never ask).</source>
        <translation>当一次点击的费用超过此金额时，“生成”会先询问（0：从不询问）。</translation>
    </message>
    <message>
        <source>The file is {size}; this provider takes at most {limit}.</source>
        <translation>文件大小为 {size}；此服务商最多接受 {limit}。</translation>
    </message>
    <message>
        <source>The file is {size}; this provider takes under {limit}.</source>
        <translation>文件大小为 {size}；此服务商只接受小于 {limit} 的文件。</translation>
    </message>
    <message>
        <source>{format} images are not accepted; use {allowed}.</source>
        <translation>不接受 {format} 图片；请使用 {allowed}。</translation>
    </message>
    <message>
        <source>{width}×{height} is {ratio}:1; the aspect ratio must be between 2:5 and 5:2 (exclusive). Crop the image.</source>
        <translation>{width}×{height} 的比例为 {ratio}:1；宽高比必须在 2:5 到 5:2 之间（不含端点）。请裁剪图片。</translation>
    </message>
    <message>
        <source>The short side is {short} px; it must be over {minimum} px. Use a larger image.</source>
        <translation>短边为 {short} 像素；必须大于 {minimum} 像素。请使用更大的图片。</translation>
    </message>
    <message>
        <source>Decoding the image took longer than {seconds} s, so it was not accepted. Save it again as a plain JPG or PNG, or use a smaller one.</source>
        <translation>解码图片用时超过 {seconds} 秒，因此未被接受。请将其另存为普通的 JPG 或 PNG，或使用更小的图片。</translation>
    </message>
    <message>
        <source>Empty the &amp;balance</source>
        <translation>清空余额(&amp;B)</translation>
    </message>
    <message>
        <source>Demo: {name}&apos;s balance is now 0; the next task is refused.</source>
        <translation>演示：{name} 的余额现在为 0；下一个任务将被拒绝。</translation>
    </message>
    <message>
        <source>Next task: refused by the &amp;content filter</source>
        <translation>下一个任务：被内容过滤器拒绝(&amp;C)</translation>
    </message>
    <message>
        <source>Demo: {name} will refuse the next task as unsafe content.</source>
        <translation>演示：{name} 将以不安全内容为由拒绝下一个任务。</translation>
    </message>
    <message>
        <source>Next submit: &amp;times out</source>
        <translation>下一次提交：超时(&amp;T)</translation>
    </message>
    <message>
        <source>Demo: {name} will create the next task but its answer never comes back (the app waits a minute, then says it may have been charged).</source>
        <translation>演示：{name} 将创建下一个任务，但其回应永远不会返回（应用等待一分钟后，会提示可能已收费）。</translation>
    </message>
    <message>
        <source>Next tasks: &amp;slow answers</source>
        <translation>接下来的任务：回应缓慢(&amp;S)</translation>
    </message>
    <message>
        <source>Demo: {name} will answer the next status checks very slowly.</source>
        <translation>演示：{name} 将非常缓慢地回应接下来的状态查询。</translation>
    </message>
    <message>
        <source>Next task: takes &amp;three minutes</source>
        <translation>下一个任务：需要三分钟(&amp;T)</translation>
    </message>
    <message>
        <source>Demo: {name}&apos;s next task will take three minutes to generate.</source>
        <translation>演示：{name} 的下一个任务将需要三分钟才能生成。</translation>
    </message>
    <message>
        <source>Next task: &amp;unreadable answers</source>
        <translation>下一个任务：无法读取的回应(&amp;U)</translation>
    </message>
    <message>
        <source>Demo: {name} will send unreadable status answers for a while.</source>
        <translation>演示：{name} 将在一段时间内发送无法读取的状态回应。</translation>
    </message>
    <message>
        <source>Next task: video link &amp;expired</source>
        <translation>下一个任务：视频链接已过期(&amp;E)</translation>
    </message>
    <message>
        <source>Demo: {name}&apos;s video link will have expired when the app fetches it.</source>
        <translation>演示：应用获取时，{name} 的视频链接将已过期。</translation>
    </message>
    <message>
        <source>&amp;Demo</source>
        <translation>演示(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Top up the demo balance</source>
        <translation>充值演示余额(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Clear planned failures</source>
        <translation>清除计划的故障(&amp;C)</translation>
    </message>
    <message>
        <source>DEMO · simulated providers, nothing is charged</source>
        <translation>演示 · 模拟的服务商，不收取任何费用</translation>
    </message>
    <message>
        <source>Every provider here is the built-in simulator. The Demo menu shows how the app behaves when something goes wrong.</source>
        <translation>这里的每个服务商都是内置模拟器。“演示”菜单展示出错时应用的表现。</translation>
    </message>
    <message>
        <source>Spent today: nothing</source>
        <translation>今日花费：无</translation>
    </message>
    <message>
        <source>Spent today: {parts}</source>
        <translation>今日花费：{parts}</translation>
    </message>
    <message>
        <source>{name} up to {ceiling}</source>
        <translation>{name} 最多 {ceiling}</translation>
    </message>
    <message>
        <source>{name} {charged} (up to {ceiling})</source>
        <translation>{name} {charged}（最多 {ceiling}）</translation>
    </message>
    <message>
        <source>Sent today, per provider (click for the cost ledger):</source>
        <translation>今日已发送，按服务商（点击查看费用账本）：</translation>
    </message>
    <message>
        <source>{name}: {tasks} task(s); {charged} confirmed, {unknown} not confirmed yet, {refunded} refunded</source>
        <translation>{name}：{tasks} 个任务；{charged} 个已确认，{unknown} 个尚未确认，{refunded} 个已退款</translation>
    </message>
    <message>
        <source>Cost &amp;ledger…</source>
        <translation>费用账本(&amp;L)…</translation>
    </message>
    <message>
        <source>What was sent and charged, per day and provider</source>
        <translation>按日期和服务商列出发送和收费情况</translation>
    </message>
    <message>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <source>Price unknown for this choice; see the provider&apos;s pricing page.</source>
        <translation>此选项的价格未知；请查看服务商的价格页面。</translation>
    </message>
    <message>
        <source>%1 per video</source>
        <translation>每个视频 %1</translation>
    </message>
    <message>
        <source>%1 for %n videos</source>
        <translation>%n 个视频共 %1</translation>
    </message>
    <message>
        <source>Checking the images…</source>
        <translation>正在检查图片…</translation>
    </message>
    <message>
        <source>Add an image to animate: drop it here, paste it or press Ctrl+O.</source>
        <translation>添加要生成动画的图片：拖到这里、粘贴或按 Ctrl+O。</translation>
    </message>
    <message>
        <source>The Start frame cannot be sent to %1; see its problems.</source>
        <translation>开始帧无法发送给 %1；请查看其问题。</translation>
    </message>
    <message>
        <source>Add a start image: the only accepted image is the end frame.</source>
        <translation>请添加开始图片：唯一被接受的图片是结束帧。</translation>
    </message>
    <message>
        <source>No image here can be sent to %1; see the problems listed.</source>
        <translation>这里没有可以发送给 %1 的图片；请查看列出的问题。</translation>
    </message>
    <message>
        <source>Write a prompt.</source>
        <translation>请写下提示词。</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <source>Recently finished</source>
        <translation>最近完成</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cost, highest first</source>
        <translation>费用，从高到低</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Grouped by batch</source>
        <translation>按批次分组</translation>
    </message>
    <message>
        <source>Grouped by source image</source>
        <translation>按源图片分组</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>&amp;Starred only</source>
        <translation>仅星标(&amp;S)</translation>
    </message>
    <message>
        <source>Only takes of the selected take&apos;s &amp;image</source>
        <translation>仅显示所选版本的同一源图片(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Rejected takes</source>
        <translation>已淘汰的版本(&amp;R)</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Shown too</source>
        <translation>也显示</translation>
    </message>
    <message>
        <source>Only rejected</source>
        <translation>仅已淘汰</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>服务商(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Give up this task?</source>
        <translation>放弃此任务？</translation>
    </message>
    <message>
        <source>The app stops checking it for good. {name} may still finish it and charge for it; its video would then not be saved here.</source>
        <translation>应用将永久停止检查它。{name} 仍可能完成并为其收费；届时其视频不会保存在这里。</translation>
    </message>
    <message>
        <source>Give up</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Not enough balance on {name}: new tasks for {name} are held, and nothing is charged for them. Top up your {name} account, then press Resume. Tasks {name} already has are still followed.</source>
        <translation>{name} 余额不足：发往 {name} 的新任务被暂停，且不会为其收费。请为您的 {name} 账户充值，然后按“继续”。{name} 已有的任务仍会继续跟进。</translation>
    </message>
    <message>
        <source>Open {name}&apos;s page to add money</source>
        <translation>打开 {name} 的页面充值</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>The account is topped up: send the held tasks</source>
        <translation>账户已充值：发送被暂停的任务</translation>
    </message>
    <message>
        <source>answer unreadable</source>
        <translation>回应无法读取</translation>
    </message>
    <message>
        <source>{name} asked to slow down</source>
        <translation>{name} 要求放慢速度</translation>
    </message>
    <message>
        <source>{name} not answering properly</source>
        <translation>{name} 没有正常回应</translation>
    </message>
    <message>
        <source>no connection to {name}</source>
        <translation>无法连接 {name}</translation>
    </message>
    <message>
        <source>{name} does not list the task yet</source>
        <translation>{name} 尚未列出该任务</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>image upload failed</source>
        <translation>图片上传失败</translation>
    </message>
    <message>
        <source>held: not enough balance on {name}</source>
        <translation>已暂停：{name} 余额不足</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>in {s} s</source>
        <translation>{s} 秒后</translation>
    </message>
    <message>
        <source>in {m} min {s} s</source>
        <translation>{m} 分 {s} 秒后</translation>
    </message>
    <message>
        <source>{what}, retry {n} {when}</source>
        <translation>{what}，第 {n} 次重试 {when}</translation>
    </message>
    <message>
        <source>{what}, retrying {when}</source>
        <translation>{what}，{when}重试</translation>
    </message>
    <message>
        <source>Check this task at the provider again, and save its video when it is ready</source>
        <translation>在服务商处再次检查此任务，并在视频就绪时保存</translation>
    </message>
    <message>
        <source>Stop checking this task for good (it stays in the list)</source>
        <translation>永久停止检查此任务（它仍保留在列表中）</translation>
    </message>
    <message>
        <source>The app kept retrying and stopped to free the slot for other tasks. {name} still has this task. Resume checks it again; Give up stops for good (a video {name} makes later is not saved).</source>
        <translation>应用一直在重试，现已停止以便为其他任务释放名额。{name} 仍持有此任务。“继续”会再次检查；“放弃”会永久停止（{name} 之后生成的视频不会被保存）。</translation>
    </message>
    <message>
        <source>You stopped following this task, but {name} has it and may still finish it (and charge for it). Resume checks it again and saves its video if it is ready.</source>
        <translation>您已停止跟进此任务，但 {name} 持有它，仍可能完成（并收费）。“继续”会再次检查，并在视频就绪时保存。</translation>
    </message>
    <message>
        <source>{name} still has this task; the app is not checking it now. Resume checks it again; Give up stops for good.</source>
        <translation>{name} 仍持有此任务；应用目前没有检查它。“继续”会再次检查；“放弃”会永久停止。</translation>
    </message>
</context>
<context>
    <name>ChainStrip</name>
    <message>
        <source>Shot</source>
        <translation>镜次</translation>
    </message>
    <message>
        <source>(removed take) →</source>
        <translation>（已删除的镜头）→</translation>
    </message>
    <message>
        <source>Shot · this is take {n}</source>
        <translation>镜次 · 这是第 {n} 个镜头</translation>
    </message>
    <message numerus="yes">
        <source>Continued %n ways: each button is one continuation.</source>
        <translation>
            <numerusform>已被延续 %n 种方式：每个按钮对应一种延续。</numerusform>
        </translation>
    </message>
    <message>
        <source>{state} · {prompt}
Task {id}</source>
        <translation>{state} · {prompt}
任务 {id}</translation>
    </message>
    <message>
        <source>the take shown</source>
        <translation>所显示的镜头</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Take {n}</source>
        <translation>镜头 {n}</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>(press {n} to keep)</source>
        <translation>（按 {n} 保留）</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare {n} takes</source>
        <translation>比较 {n} 个镜头</translation>
    </message>
    <message>
        <source>Space play/pause · ←/→ one frame · L loop · 1–{n} keep that take, reject the others · Esc close</source>
        <translation>空格 播放/暂停 · ←/→ 一帧 · L 循环 · 1–{n} 保留该镜头并拒绝其他 · Esc 关闭</translation>
    </message>
</context>
<context>
    <name>ComposePanel</name>
    <message>
        <source>Images to animate, each checked against the selected provider.</source>
        <translation>要生成动画的图片，每张都按所选服务商的要求检查。</translation>
    </message>
    <message>
        <source>&amp;Add images…</source>
        <translation>添加图片(&amp;A)…</translation>
    </message>
    <message>
        <source>Choose image files (Ctrl+O).</source>
        <translation>选择图片文件 (Ctrl+O)。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste an image or an image URL (Ctrl+V).</source>
        <translation>粘贴图片或图片 URL (Ctrl+V)。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected images (Delete).</source>
        <translation>删除所选图片 (Delete)。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every image from the list.</source>
        <translation>从列表中删除所有图片。</translation>
    </message>
    <message>
        <source>Videos per image. 1: one per accepted image. More: that many of each selected image, or of every accepted image when none is selected.</source>
        <translation>每张图片的视频数。1：每张被接受的图片一个。更多：每张所选图片生成该数量的视频；未选择时则每张被接受的图片都生成。</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Submit to the provider (Ctrl+Enter).</source>
        <translation>提交给服务商 (Ctrl+Enter)。</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Start and end frames</source>
        <translation>开始帧和结束帧</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Varia&amp;nts</source>
        <translation>变体数(&amp;N)</translation>
    </message>
    <message>
        <source>The clipboard holds no image, image file or image URL.</source>
        <translation>剪贴板中没有图片、图片文件或图片 URL。</translation>
    </message>
    <message>
        <source>Use as &amp;Start frame</source>
        <translation>用作开始帧(&amp;S)</translation>
    </message>
    <message>
        <source>Use as &amp;End frame</source>
        <translation>用作结束帧(&amp;E)</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>提交中…</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Generate %n videos</source>
        <translation>
            <numerusform>生成 %n 个视频(&amp;G)</numerusform>
        </translation>
    </message>
    <message>
        <source>Text to video: no image needed.</source>
        <translation>文字生成视频：无需图片。</translation>
    </message>
    <message>
        <source>Drop images or folders here, paste with Ctrl+V, or press Ctrl+O to choose files.</source>
        <translation>将图片或文件夹拖到这里，用 Ctrl+V 粘贴，或按 Ctrl+O 选择文件。</translation>
    </message>
    <message>
        <source>This mode makes videos from the prompt alone; the images are not used.</source>
        <translation>此模式仅根据提示词生成视频；不使用图片。</translation>
    </message>
    <message>
        <source>%1 cannot be sent:</source>
        <translation>%1 无法发送：</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图片</translation>
    </message>
    <message numerus="yes">
        <source>%n refused (select one to see why)</source>
        <translation>
            <numerusform>%n 个被拒绝（选择一个查看原因）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with its own prompt</source>
        <translation>
            <numerusform>%n 张有自己的提示词</numerusform>
        </translation>
    </message>
    <message>
        <source>continues a take (its last frame)</source>
        <translation>延续一个镜头（其最后一帧）</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>1 task sent to {name}.</source>
        <translation>已向 {name} 发送 1 个任务。</translation>
    </message>
    <message>
        <source>{n} tasks sent to {name}.</source>
        <translation>已向 {name} 发送 {n} 个任务。</translation>
    </message>
</context>
<context>
    <name>CostBar</name>
    <message>
        <source>From the app&apos;s price table, before anything is sent. The provider&apos;s own bill is final.</source>
        <translation>来自应用的价格表，在发送任何内容之前。以服务商的账单为准。</translation>
    </message>
    <message>
        <source>Your balance with the selected provider, where it reports one.</source>
        <translation>您在所选服务商处的余额（如果它提供的话）。</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>The next step for this problem</source>
        <translation>此问题的下一步</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>Copy the technical details (no key is ever included)</source>
        <translation>复制技术详情（绝不包含密钥）</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export {n} take(s)</source>
        <translation>导出 {n} 个镜头</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>The folder the videos are copied into</source>
        <translation>视频要复制到的文件夹</translation>
    </message>
    <message>
        <source>Choose the folder the videos are copied into</source>
        <translation>选择视频要复制到的文件夹</translation>
    </message>
    <message>
        <source>Fields: {date} {prompt:40} {provider} {model} {mode} {duration} {resolution} {id} {task_id} {remote_id} {n}</source>
        <translation>字段：{date} {prompt:40} {provider} {model} {mode} {duration} {resolution} {id} {task_id} {remote_id} {n}</translation>
    </message>
    <message>
        <source>Each video is copied without re-encoding, with its prompt in the file&apos;s tags and a .json file beside it that records how it was made.</source>
        <translation>每个视频都不经重新编码直接复制，提示词写入文件标签，旁边附带一个记录其制作方式的 .json 文件。</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>First file</source>
        <translation>第一个文件</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Copy the videos into the folder under these names</source>
        <translation>以这些名称将视频复制到该文件夹</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>关闭，不导出</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Keepers, rejected takes, provider, model, date, source image</source>
        <translation>保留的、已淘汰的版本，服务商、模型、日期、源图片</translation>
    </message>
    <message>
        <source>Order of the takes, or group them by batch or by source image</source>
        <translation>版本的排序，或按批次、按源图片分组</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Filters (on)</source>
        <translation>筛选（已启用）</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Hailuo Desktop</source>
        <translation>欢迎使用 Hailuo Desktop</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Animate your images into short videos with Hailuo models.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The app uses your own key from one of these providers: {names}. The key is kept in your system&apos;s keyring, never in a file.&lt;/p&gt;&lt;p&gt;No key yet? The demo runs the whole flow on a built-in simulator: no account, nothing charged, and the result is a real video of your own image.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;用 Hailuo 模型让您的图片变成短视频。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;本应用使用您在以下某个服务商处的密钥：{names}。密钥保存在系统的密钥环中，绝不写入文件。&lt;/p&gt;&lt;p&gt;还没有密钥？演示模式在内置模拟器上运行完整流程：无需账户、不收任何费用，结果是用您自己的图片生成的真实视频。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Enter a key…</source>
        <translation>输入密钥…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Open the settings to paste the API key of your provider</source>
        <translation>打开设置以粘贴您服务商的 API 密钥</translation>
    </message>
    <message>
        <source>Restart on the built-in simulator: no key, no account, nothing paid</source>
        <translation>在内置模拟器上重新启动：无需密钥、无需账户、不付任何费用</translation>
    </message>
    <message>
        <source>Close this; you can enter a key in the settings at any time</source>
        <translation>关闭；您随时可以在设置中输入密钥</translation>
    </message>
</context>
<context>
    <name>FrameSlot</name>
    <message>
        <source>Empty this slot (the image stays in the list)</source>
        <translation>清空此位置（图片保留在列表中）</translation>
    </message>
</context>
<context>
    <name>FramesSlots</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Drop the first frame here
(empty: every listed image)</source>
        <translation>将第一帧拖到这里
（留空：列表中的每张图片）</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Drop the last frame here</source>
        <translation>将最后一帧拖到这里</translation>
    </message>
    <message>
        <source>The frame the video starts on</source>
        <translation>视频开始的那一帧</translation>
    </message>
    <message>
        <source>The End frame cannot be sent to %1; see its problems.</source>
        <translation>结束帧无法发送给 %1；请查看其问题。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Prompt history</source>
        <translation>提示词历史</translation>
    </message>
    <message>
        <source>Search earlier prompts</source>
        <translation>搜索以前的提示词</translation>
    </message>
    <message>
        <source>&amp;Use this prompt</source>
        <translation>使用此提示词(&amp;U)</translation>
    </message>
    <message>
        <source>{shown} of {total} earlier prompts</source>
        <translation>以前的提示词：{shown} / {total}</translation>
    </message>
</context>
<context>
    <name>ImageIntake</name>
    <message>
        <source>Only the first {n} images were added.</source>
        <translation>只添加了前 {n} 张图片。</translation>
    </message>
    <message>
        <source>Choose images to animate</source>
        <translation>选择要生成动画的图片</translation>
    </message>
</context>
<context>
    <name>ImageListModel</name>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>Checked by the provider</source>
        <translation>由服务商检查</translation>
    </message>
    <message>
        <source>Fits %1 · checking every pixel…</source>
        <translation>符合 %1 · 正在逐像素检查…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Accepted by %1</source>
        <translation>已被 %1 接受</translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation>
            <numerusform> (另有 %n 个)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused by %1:</source>
        <translation>被 %1 拒绝：</translation>
    </message>
</context>
<context>
    <name>ImageListView</name>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join into one video</source>
        <translation>合并为一个视频</translation>
    </message>
    <message>
        <source>The takes in playing order: drag one, or use Up and Down</source>
        <translation>按播放顺序排列的镜头：拖动或使用上移和下移</translation>
    </message>
    <message>
        <source>Takes to join</source>
        <translation>要合并的镜头</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Leave out</source>
        <translation>排除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>The takes are copied without re-encoding, one after the other, with their prompts in the file&apos;s tags and a .json file beside it that lists every take.</source>
        <translation>镜头不经重新编码，一个接一个地复制，提示词写入文件标签，旁边附带一个列出每个镜头的 .json 文件。</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>合并(&amp;J)</translation>
    </message>
    <message>
        <source>Play the selected take earlier</source>
        <translation>让所选镜头提前播放</translation>
    </message>
    <message>
        <source>Play the selected take later</source>
        <translation>让所选镜头延后播放</translation>
    </message>
    <message>
        <source>Leave the selected take out of the joined video</source>
        <translation>将所选镜头排除在合并视频之外</translation>
    </message>
    <message>
        <source>The folder the joined video is saved in</source>
        <translation>保存合并视频的文件夹</translation>
    </message>
    <message>
        <source>Choose the folder the joined video is saved in</source>
        <translation>选择保存合并视频的文件夹</translation>
    </message>
    <message>
        <source>The joined video&apos;s file name</source>
        <translation>合并后视频的文件名</translation>
    </message>
    <message>
        <source>Join the takes into one video file</source>
        <translation>将镜头合并为一个视频文件</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Close without joining</source>
        <translation>关闭，不合并</translation>
    </message>
    <message>
        <source>video not read</source>
        <translation>视频未读取</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>File &amp;name</source>
        <translation>文件名(&amp;N)</translation>
    </message>
    <message>
        <source>Choose at least two takes: select them in order in the list or the grid, or join a take that continues or is continued.</source>
        <translation>请至少选择两个镜头：在列表或网格中按顺序选择，或合并一个被延续或延续其他镜头的镜头。</translation>
    </message>
    <message>
        <source>Take {n}&apos;s video cannot be read.</source>
        <translation>无法读取镜头 {n} 的视频。</translation>
    </message>
    <message>
        <source>Choose a folder and a file name.</source>
        <translation>请选择文件夹和文件名。</translation>
    </message>
    <message>
        <source>codec</source>
        <translation>编解码器</translation>
    </message>
    <message>
        <source>picture size</source>
        <translation>画面尺寸</translation>
    </message>
    <message>
        <source>frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>pixel format</source>
        <translation>像素格式</translation>
    </message>
    <message>
        <source>Take {n} cannot be joined to take 1 by copying: its {what} is {found}, take 1&apos;s is {expected}.</source>
        <translation>镜头 {n} 无法通过复制与镜头 1 合并：它的{what}是 {found}，镜头 1 的是 {expected}。</translation>
    </message>
    <message>
        <source>Re-encoding is not offered: Hailuo Desktop only copies video and never encodes it, so that it can ship without GPL-licensed encoders. Join takes made with the same model and settings, or re-encode them in a video editor.</source>
        <translation>不提供重新编码：Hailuo Desktop 只复制视频而从不编码，因此可以不附带 GPL 许可的编码器。请合并使用相同模型和设置制作的镜头，或在视频编辑器中重新编码。</translation>
    </message>
    <message>
        <source>{n} takes · {seconds:.1f} s in all</source>
        <translation>{n} 个镜头 · 共 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>Save the joined video in</source>
        <translation>将合并后的视频保存到</translation>
    </message>
</context>
<context>
    <name>JoinFlow</name>
    <message>
        <source>&amp;Join into one video…</source>
        <translation>合并为一个视频(&amp;J)…</translation>
    </message>
    <message>
        <source>Join the selected takes in the order you picked them, or one take&apos;s whole shot, into one video</source>
        <translation>将所选镜头按您选择的顺序合并为一个视频，或将一个镜头的整个镜次合并</translation>
    </message>
    <message>
        <source>{n} takes joined into {name}.</source>
        <translation>{n} 个镜头已合并为 {name}。</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>The system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The language of the window; applies from the next start.</source>
        <translation>窗口的语言；下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hailuo Desktop</source>
        <translation>Hailuo Desktop</translation>
    </message>
    <message>
        <source>{title} — demo (simulated, nothing is charged)</source>
        <translation>{title} — 演示（模拟，不收取任何费用）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ake</source>
        <translation>镜头(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MediaSupport</name>
    <message>
        <source>Videos cannot play inside the window on this computer: its multimedia libraries are missing ({reason}). Install them (on Debian or Ubuntu: the libpulse0 package), or open the video in your own player.</source>
        <translation>此计算机无法在窗口内播放视频：缺少多媒体库（{reason}）。请安装它们（在 Debian 或 Ubuntu 上：libpulse0 软件包），或在您自己的播放器中打开视频。</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <source>Play the video in your own player</source>
        <translation>在您自己的播放器中播放视频</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>The API provider that runs and bills the generation.</source>
        <translation>运行并计费生成任务的 API 服务商。</translation>
    </message>
    <message>
        <source>The Hailuo model generation.</source>
        <translation>Hailuo 模型的代际。</translation>
    </message>
    <message>
        <source>Quality tier, and whether the video starts from an image or from text.</source>
        <translation>质量档次，以及视频从图片还是从文字开始。</translation>
    </message>
    <message>
        <source>Length of each video.</source>
        <translation>每个视频的时长。</translation>
    </message>
    <message>
        <source>Resolution of each video.</source>
        <translation>每个视频的分辨率。</translation>
    </message>
    <message>
        <source>Let the provider refine the &amp;prompt</source>
        <translation>让服务商优化提示词(&amp;P)</translation>
    </message>
    <message>
        <source>Pro&amp;vider</source>
        <translation>服务商(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>模式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>时长(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>分辨率(&amp;R)</translation>
    </message>
    <message>
        <source>%1 takes no end frame at %2: choose another resolution to end on a frame.</source>
        <translation>%1 在 %2 下不接受结束帧：请选择其他分辨率以结束于某一帧。</translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation>文字生成视频</translation>
    </message>
    <message>
        <source>%1 on %2 only animates images.</source>
        <translation>%2 上的 %1 只能让图片动起来。</translation>
    </message>
    <message>
        <source>Pro</source>
        <translation>专业版</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>image to video</source>
        <translation>图片生成视频</translation>
    </message>
    <message>
        <source>text to video</source>
        <translation>文字生成视频</translation>
    </message>
    <message>
        <source>%1 s (fixed)</source>
        <translation>%1 秒（固定）</translation>
    </message>
    <message>
        <source>%1 always makes %2 s videos.</source>
        <translation>%1 总是生成 %2 秒的视频。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Set by the provider</source>
        <translation>由服务商设定</translation>
    </message>
    <message>
        <source>%1 always renders at %2.</source>
        <translation>%1 总是以 %2 渲染。</translation>
    </message>
    <message>
        <source>%1 takes no resolution setting.</source>
        <translation>%1 不接受分辨率设置。</translation>
    </message>
    <message>
        <source>The provider rewrites the prompt for better results; turn off to send it word for word.</source>
        <translation>服务商会改写提示词以获得更好的效果；关闭后将逐字发送。</translation>
    </message>
    <message>
        <source>%1 has no prompt optimizer.</source>
        <translation>%1 没有提示词优化。</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Hailuo Desktop</source>
        <translation>Hailuo Desktop</translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation>视频已就绪</translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <source>Task needs a check</source>
        <translation>任务需要检查</translation>
    </message>
    <message>
        <source>Task cancelled</source>
        <translation>任务已取消</translation>
    </message>
    <message>
        <source>Task finished</source>
        <translation>任务已完成</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Pre&amp;set</source>
        <translation>预设(&amp;S)</translation>
    </message>
    <message>
        <source>Apply a saved prompt, model, settings and camera moves</source>
        <translation>应用已保存的提示词、模型、设置和镜头运动</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the prompt, model, settings and camera moves under a name</source>
        <translation>以名称保存提示词、模型、设置和镜头运动</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the chosen preset</source>
        <translation>删除所选预设</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>选择预设…</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>还没有预设</translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>Describe the motion: what moves, how the camera moves…</source>
        <translation>描述运动：什么在动，镜头如何移动…</translation>
    </message>
    <message>
        <source>The prompt sent with every video of this batch.</source>
        <translation>随该批次每个视频一起发送的提示词。</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Search your earlier prompts (they are also offered as you type)</source>
        <translation>搜索您以前的提示词（输入时也会提示）</translation>
    </message>
    <message>
        <source>Per image…</source>
        <translation>逐张图片…</translation>
    </message>
    <message>
        <source>Give each image its own prompt, by hand or from a CSV file</source>
        <translation>为每张图片设置各自的提示词，可手动或从 CSV 文件导入</translation>
    </message>
    <message>
        <source>Characters used and the most this model takes.</source>
        <translation>已用字符数与此模型允许的上限。</translation>
    </message>
    <message>
        <source>Camera move</source>
        <translation>镜头运动</translation>
    </message>
    <message numerus="yes">
        <source>Insert a camera movement at the cursor. With the cursor in or just after a bracket, the movement is combined into it (at most %n per bracket).</source>
        <translation>
            <numerusform>在光标处插入镜头运动。当光标位于方括号内或紧随其后时，该运动会合并到括号中（每个括号最多 %n 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The prompt is %n characters over the limit.</source>
        <translation>
            <numerusform>提示词超出上限 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The prompt is 1 character over the limit.</source>
        <translation>提示词超出上限 1 个字符。</translation>
    </message>
    <message>
        <source>%1 combines more than %2 camera movements.</source>
        <translation>%1 组合了超过 %2 个镜头运动。</translation>
    </message>
    <message numerus="yes">
        <source>A bracket combines at most %n camera movements; move the cursor out of it to start a new one.</source>
        <translation>
            <numerusform>一个方括号最多组合 %n 个镜头运动；将光标移出方括号即可开始新的组合。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>PromptFlow</name>
    <message>
        <source>A saved preset could not be read and was left out ({why}).</source>
        <translation>一个已保存的预设无法读取，已被略过（{why}）。</translation>
    </message>
    <message>
        <source>Preset “{name}” applied.</source>
        <translation>已应用预设“{name}”。</translation>
    </message>
    <message>
        <source>Replace the preset?</source>
        <translation>替换预设？</translation>
    </message>
    <message>
        <source>A preset called “{name}” exists. Replace it with what compose holds now?</source>
        <translation>名为“{name}”的预设已存在。用当前编辑区的内容替换它吗？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Preset “{name}” saved.</source>
        <translation>已保存预设“{name}”。</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <source>Name of the preset (the prompt, model, settings and camera moves are saved):</source>
        <translation>预设名称（将保存提示词、模型、设置和镜头运动）：</translation>
    </message>
    <message>
        <source>Delete the preset?</source>
        <translation>删除预设？</translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? Tasks made with it are not touched.</source>
        <translation>删除预设“{name}”？用它制作的任务不受影响。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add images first: the table gives each listed image its own prompt.</source>
        <translation>请先添加图片：此表为列表中的每张图片设置各自的提示词。</translation>
    </message>
    <message>
        <source>Prompts from a CSV file</source>
        <translation>来自 CSV 文件的提示词</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt)</translation>
    </message>
</context>
<context>
    <name>PromptTableDialog</name>
    <message>
        <source>Prompts per image</source>
        <translation>每张图片的提示词</translation>
    </message>
    <message>
        <source>Give an image its own prompt; an empty cell uses the main prompt. A CSV file with two columns, image and prompt (file name or path), fills the table.</source>
        <translation>为图片设置单独的提示词；空单元格使用主提示词。包含图片和提示词两列（文件名或路径）的 CSV 文件可填充此表。</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>One row per image: its name, and its own prompt (empty: the main prompt)</source>
        <translation>每张图片一行：名称及其提示词（留空：使用主提示词）</translation>
    </message>
    <message>
        <source>Fill from &amp;CSV…</source>
        <translation>从 CSV 填充(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;lear all</source>
        <translation>全部清除(&amp;L)</translation>
    </message>
    <message>
        <source>Read the prompts from a CSV file with an image and a prompt column</source>
        <translation>从包含图片列和提示词列的 CSV 文件读取提示词</translation>
    </message>
    <message>
        <source>Empty every prompt cell (the main prompt is used)</source>
        <translation>清空所有提示词单元格（使用主提示词）</translation>
    </message>
    <message>
        <source>Use these prompts</source>
        <translation>使用这些提示词</translation>
    </message>
    <message>
        <source>Close and keep the prompts as they were</source>
        <translation>关闭并保持提示词不变</translation>
    </message>
    <message>
        <source>{n} of {total} images have their own prompt.</source>
        <translation>{total} 张图片中有 {n} 张有自己的提示词。</translation>
    </message>
    <message>
        <source>{taken} prompts taken from the file. </source>
        <translation>已从文件中读取 {taken} 条提示词。</translation>
    </message>
</context>
<context>
    <name>ProviderStatus</name>
    <message>
        <source>No {name} key yet: enter one in Settings (Ctrl+,).</source>
        <translation>还没有 {name} 密钥：请在设置中输入 (Ctrl+,)。</translation>
    </message>
    <message>
        <source>{name} shows no balance through its API.</source>
        <translation>{name} 没有通过其 API 提供余额。</translation>
    </message>
    <message>
        <source>Balance unavailable: {why}</source>
        <translation>余额不可用：{why}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The proxy port is not a number.</source>
        <translation>代理端口不是数字。</translation>
    </message>
    <message>
        <source>Enter a proxy URL such as http://host:8080 or socks5://host:1080.</source>
        <translation>请输入代理 URL，例如 http://host:8080 或 socks5://host:1080。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>密钥(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>Save these settings and close</source>
        <translation>保存这些设置并关闭</translation>
    </message>
    <message>
        <source>Close without saving (keys are saved at once)</source>
        <translation>关闭，不保存（密钥会立即保存）</translation>
    </message>
    <message>
        <source>Ask %1 for the balance with this key.</source>
        <translation>用此密钥向 %1 查询余额。</translation>
    </message>
    <message>
        <source>%1 has no balance endpoint, so a key can only be checked by using it.</source>
        <translation>%1 没有余额接口，因此只能通过使用来检验密钥。</translation>
    </message>
    <message>
        <source>The app&apos;s own videos folder</source>
        <translation>应用自己的视频文件夹</translation>
    </message>
    <message>
        <source>Where finished videos are saved. Empty: the app&apos;s data folder.</source>
        <translation>完成的视频保存位置。留空：应用的数据文件夹。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Pick the folder for finished videos.</source>
        <translation>选择存放完成视频的文件夹。</translation>
    </message>
    <message>
        <source>&amp;Output folder</source>
        <translation>输出文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>These providers take an image only as a public URL. For a local image:</source>
        <translation>这些服务商只接受公开 URL 形式的图片。对于本地图片：</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 的图片</translation>
    </message>
    <message>
        <source>How many tasks run at once; the rest wait in the queue.</source>
        <translation>同时运行的任务数；其余的在队列中等待。</translation>
    </message>
    <message>
        <source>&amp;Tasks at once</source>
        <translation>同时运行的任务(&amp;T)</translation>
    </message>
    <message>
        <source>Ask before sending more than</source>
        <translation>发送前询问，当金额超过</translation>
    </message>
    <message>
        <source>Notify me when a task or a batch finishes</source>
        <translation>任务或批次完成时通知我</translation>
    </message>
    <message>
        <source>A desktop notification, also when the window is hidden.</source>
        <translation>桌面通知，窗口隐藏时也会显示。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>This provider has no upload API: a local image needs a public URL, or an upload through another provider with your key there.</source>
        <translation>此服务商没有上传 API：本地图片需要公开 URL，或通过另一个服务商（使用您在那里的密钥）上传。</translation>
    </message>
    <message>
        <source>I will paste public image URLs</source>
        <translation>我会粘贴公开的图片 URL</translation>
    </message>
    <message>
        <source>Upload through kie.ai (uses the kie.ai key)</source>
        <translation>通过 kie.ai 上传（使用 kie.ai 密钥）</translation>
    </message>
    <message>
        <source>Upload through Apikley (uses the Apikley key)</source>
        <translation>通过 Apikley 上传（使用 Apikley 密钥）</translation>
    </message>
    <message>
        <source>Use the &amp;system proxy settings</source>
        <translation>使用系统代理设置(&amp;S)</translation>
    </message>
    <message>
        <source>The proxy your desktop or the environment sets, if any</source>
        <translation>您的桌面或环境设置的代理（如果有）</translation>
    </message>
    <message>
        <source>No prox&amp;y</source>
        <translation>不使用代理(&amp;Y)</translation>
    </message>
    <message>
        <source>Connect directly, even when the system sets a proxy</source>
        <translation>直接连接，即使系统设置了代理</translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation>手动代理(&amp;M)：</translation>
    </message>
    <message>
        <source>This proxy for everything; a password in it is kept in the OS keyring</source>
        <translation>所有连接都使用此代理；其中的密码保存在系统密钥环中</translation>
    </message>
    <message>
        <source>The proxy is used for the API, uploads and downloads alike.</source>
        <translation>代理用于 API、上传和下载。</translation>
    </message>
    <message>
        <source>Used for the API, uploads and downloads alike.</source>
        <translation>用于 API、上传和下载。</translation>
    </message>
    <message>
        <source>Manual proxy URL</source>
        <translation>手动代理 URL</translation>
    </message>
    <message>
        <source>Stored in the OS keyring.</source>
        <translation>已存入系统密钥环。</translation>
    </message>
    <message>
        <source>From the environment variable %1 (it overrides the keyring).</source>
        <translation>来自环境变量 %1（它优先于密钥环）。</translation>
    </message>
    <message>
        <source>Kept for this session only: no OS keyring is available.</source>
        <translation>仅在本次会话中保存：没有可用的系统密钥环。</translation>
    </message>
    <message>
        <source>No key.</source>
        <translation>没有密钥。</translation>
    </message>
    <message>
        <source>No OS keyring is available, so keys are kept in memory for this session only. Set the environment variables to keep them across runs.</source>
        <translation>没有可用的系统密钥环，因此密钥仅在本次会话的内存中保存。设置环境变量可在多次运行间保留它们。</translation>
    </message>
    <message>
        <source>Folder for finished videos</source>
        <translation>存放完成视频的文件夹</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>(demo: a built-in fake key, in memory only)</source>
        <translation>（演示：内置的假密钥，仅在内存中）</translation>
    </message>
    <message>
        <source>No key to test.</source>
        <translation>没有可测试的密钥。</translation>
    </message>
    <message>
        <source>The key was accepted.</source>
        <translation>密钥已被接受。</translation>
    </message>
    <message>
        <source>The key works. {balance}</source>
        <translation>密钥有效。{balance}</translation>
    </message>
    <message>
        <source>No OS keyring: the proxy password is kept until you quit.</source>
        <translation>没有系统密钥环：代理密码将保留到您退出为止。</translation>
    </message>
    <message>
        <source>Saved. The output folder, proxy, concurrency and language apply from the next start.</source>
        <translation>已保存。输出文件夹、代理、并发数和语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>ShotFlow</name>
    <message>
        <source>Continuing “{prompt}”: describe the next clip and press Generate.</source>
        <translation>正在延续“{prompt}”：描述下一个片段并按“生成”。</translation>
    </message>
    <message>
        <source>{name} has no model that takes a last frame: choose kie.ai, Apikley or MiniMax (Hailuo 02).</source>
        <translation>{name} 没有接受最后一帧的模型：请选择 kie.ai、Apikley 或 MiniMax（Hailuo 02）。</translation>
    </message>
    <message>
        <source>A slot holds one image file, not a folder: drop the folder on the image list.</source>
        <translation>每个位置只能放一个图片文件，不能放文件夹：请把文件夹拖到图片列表中。</translation>
    </message>
    <message>
        <source>A slot holds one image: {name} was used.</source>
        <translation>一个位置只能放一张图片：已使用 {name}。</translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Something was repaired at start-up</source>
        <translation>启动时修复了一些问题</translation>
    </message>
    <message>
        <source>{count} unfinished task(s) wait for a key; they continue once it is entered.</source>
        <translation>{count} 个未完成的任务在等待密钥；输入密钥后会继续。</translation>
    </message>
</context>
<context>
    <name>TakeCount</name>
    <message>
        <source>{count}+ takes</source>
        <translation>{count}+ 个镜头</translation>
    </message>
    <message>
        <source>No takes match</source>
        <translation>没有匹配的镜头</translation>
    </message>
    <message>
        <source>No takes yet</source>
        <translation>还没有镜头</translation>
    </message>
    <message numerus="yes">
        <source>%Ln takes</source>
        <translation>
            <numerusform>%Ln 个镜头</numerusform>
        </translation>
    </message>
    <message>
        <source>1 take</source>
        <translation>1 个镜头</translation>
    </message>
</context>
<context>
    <name>TakeGrid</name>
    <message>
        <source>Takes</source>
        <translation>镜头</translation>
    </message>
    <message>
        <source>Every take as a tile with its first frame; select one to see it</source>
        <translation>每个镜头显示为带首帧的图块；选择一个即可查看</translation>
    </message>
    <message>
        <source>Batch {id}</source>
        <translation>批次 {id}</translation>
    </message>
    <message>
        <source>Single takes</source>
        <translation>单个版本</translation>
    </message>
    <message>
        <source>No source image</source>
        <translation>无源图片</translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <source>No application could open {target}.</source>
        <translation>没有应用程序能打开 {target}。</translation>
    </message>
    <message>
        <source>Retry a task that may have been charged?</source>
        <translation>重试一个可能已收费的任务？</translation>
    </message>
    <message>
        <source>The provider may already have created this task. Check its dashboard first: a retry is a new task and is charged again.</source>
        <translation>服务商可能已经创建了此任务。请先查看其控制台：重试是一个新任务，会再次收费。</translation>
    </message>
    <message>
        <source>Retry anyway</source>
        <translation>仍然重试</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Remove a running task?</source>
        <translation>删除正在运行的任务？</translation>
    </message>
    <message>
        <source>This task is still running: removing it stops following it, and a video the provider makes will not be saved.</source>
        <translation>此任务仍在运行：删除它会停止跟进，服务商生成的视频将不会被保存。</translation>
    </message>
    <message>
        <source>Stop and remove</source>
        <translation>停止并删除</translation>
    </message>
    <message>
        <source>Quit while tasks are running?</source>
        <translation>任务仍在运行，要退出吗？</translation>
    </message>
    <message>
        <source>{n} task(s) are still running or saving their video. They continue when you open the app again, as long as the provider still holds the results.</source>
        <translation>{n} 个任务仍在运行或正在保存视频。只要服务商仍保留结果，再次打开应用时它们会继续。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <source>Made from</source>
        <translation>制作来源</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Provider task id</source>
        <translation>服务商任务 ID</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Created · finished</source>
        <translation>创建 · 完成</translation>
    </message>
    <message>
        <source>Video file</source>
        <translation>视频文件</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>Copy the technical details, to send to the provider or to us</source>
        <translation>复制技术详情，发送给服务商或我们</translation>
    </message>
    <message>
        <source>Open video</source>
        <translation>打开视频</translation>
    </message>
    <message>
        <source>Open the video in your player</source>
        <translation>在您的播放器中打开视频</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Open the folder that holds the video</source>
        <translation>打开存放该视频的文件夹</translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <translation>复制提示词</translation>
    </message>
    <message>
        <source>Copy the full prompt</source>
        <translation>复制完整提示词</translation>
    </message>
    <message>
        <source>Reuse settings</source>
        <translation>复用设置</translation>
    </message>
    <message>
        <source>Put this prompt and these settings in the editor</source>
        <translation>将此提示词和这些设置放入编辑器</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Start a new task with the same settings (charged again)</source>
        <translation>用相同设置开始一个新任务（会再次收费）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop following this task (a task already sent may still be charged)</source>
        <translation>停止跟进此任务（已发送的任务仍可能收费）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove from the list (the video file stays) · Delete</source>
        <translation>从列表中删除（视频文件保留）· Delete</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>继续…</translation>
    </message>
    <message>
        <source>Start the next clip from this take&apos;s last frame</source>
        <translation>从此镜头的最后一帧开始下一个片段</translation>
    </message>
    <message>
        <source>being sent, no answer yet</source>
        <translation>正在发送，尚无回应</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>Select a task to see its video and details.</source>
        <translation>选择一个任务以查看其视频和详情。</translation>
    </message>
    <message>
        <source>The video appears here when the task is done.</source>
        <translation>任务完成后，视频会显示在这里。</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>{state}, {progress}, {prompt}</source>
        <translation>{state}，{progress}，{prompt}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>{elapsed} · ~{left} left</source>
        <translation>{elapsed} · 剩余约 {left}</translation>
    </message>
    <message>
        <source>{elapsed} · any moment</source>
        <translation>{elapsed} · 随时完成</translation>
    </message>
</context>
<context>
    <name>TaskListPanel</name>
    <message>
        <source>Show only tasks in this state</source>
        <translation>只显示处于此状态的任务</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>搜索任务</translation>
    </message>
    <message>
        <source>Search prompts, file names, task ids (Ctrl+F)</source>
        <translation>搜索提示词、文件名、任务 ID（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show only the tasks whose prompt or source file name has words starting with these, or whose id starts with this (Ctrl+F)</source>
        <translation>只显示提示词或源文件名中有以这些开头的词、或 ID 以此开头的任务（Ctrl+F）</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Every task, newest first: its state, progress and prompt. Select one to see its video and details.</source>
        <translation>所有任务，最新的在前：状态、进度和提示词。选择一个可查看其视频和详情。</translation>
    </message>
    <message>
        <source>No tasks yet.
Drop images on the left, write a prompt and press Generate (Ctrl+Enter).</source>
        <translation>还没有任务。
将图片拖到左侧，写下提示词，然后按“生成”(Ctrl+Enter)。</translation>
    </message>
    <message>
        <source>No task matches this filter.</source>
        <translation>没有符合此筛选条件的任务。</translation>
    </message>
    <message>
        <source>{done}/{total} done</source>
        <translation>已完成 {done}/{total}</translation>
    </message>
    <message>
        <source>Running batch: {counts}</source>
        <translation>正在运行的批次：{counts}</translation>
    </message>
    <message>
        <source>Running batches: {counts}</source>
        <translation>正在运行的批次：{counts}</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格）</translation>
    </message>
    <message>
        <source>One frame back (Left)</source>
        <translation>后退一帧（左方向键）</translation>
    </message>
    <message>
        <source>One frame forward (Right)</source>
        <translation>前进一帧（右方向键）</translation>
    </message>
    <message>
        <source>Scrub through the clip</source>
        <translation>拖动浏览片段</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>Play again from the start at the end (L)</source>
        <translation>结束时从头重新播放 (L)</translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Sound off</source>
        <translation>声音关</translation>
    </message>
    <message>
        <source>Play the clip&apos;s sound (M)</source>
        <translation>播放片段的声音 (M)</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Show the video on the whole screen (F; Esc leaves)</source>
        <translation>全屏显示视频（F；Esc 退出）</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>声音开</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>unstarred</source>
        <translation>已取消星标</translation>
    </message>
    <message>
        <source>rejected (hidden)</source>
        <translation>已拒绝（已隐藏）</translation>
    </message>
    <message>
        <source>back in view</source>
        <translation>已恢复显示</translation>
    </message>
    <message>
        <source>Select 2 to 4 finished takes to compare them.</source>
        <translation>选择 2 到 4 个已完成的镜头进行比较。</translation>
    </message>
    <message>
        <source>{n} video file(s) copied: paste them in a file manager or an editor.</source>
        <translation>已复制 {n} 个视频文件：可粘贴到文件管理器或编辑器中。</translation>
    </message>
    <message>
        <source>No finished video among the selected takes.</source>
        <translation>所选镜头中没有已完成的视频。</translation>
    </message>
    <message>
        <source>Export stopped</source>
        <translation>导出已停止</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written: {why}</source>
        <translation>无法写入文件夹 {folder}：{why}</translation>
    </message>
    <message>
        <source>{n} take(s) exported to {folder}.</source>
        <translation>已将 {n} 个镜头导出到 {folder}。</translation>
    </message>
    <message>
        <source>Stop following {n} takes?</source>
        <translation>停止跟进 {n} 个版本？</translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation>停止跟进</translation>
    </message>
    <message>
        <source>Keep following</source>
        <translation>继续跟进</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Paste your %1 key</source>
        <translation>粘贴您的 %1 密钥</translation>
    </message>
    <message>
        <source>Or set %1 in the environment; it overrides the keyring.</source>
        <translation>或在环境中设置 %1；它优先于密钥环。</translation>
    </message>
    <message>
        <source>Save to keyring</source>
        <translation>保存到密钥环</translation>
    </message>
    <message>
        <source>Store this key in the OS keyring, never in a file.</source>
        <translation>将此密钥存入系统密钥环，绝不存入文件。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the stored key for %1.</source>
        <translation>删除为 %1 保存的密钥。</translation>
    </message>
    <message>
        <source>Test key</source>
        <translation>测试密钥</translation>
    </message>
</context>
</TS>
