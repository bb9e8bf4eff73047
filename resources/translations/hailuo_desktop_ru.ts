<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name></name>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the images and prompt to the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected task from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify when tasks finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop notification per task or batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose images to animate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an image, an image file or an image URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys, output folder, proxy, notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the tasks by prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Hailuo Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart on the built-in simulator: no key, no charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance: ${amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance: {amount} credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.avif *.heic);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dashboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the details and report them; your tasks are safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} refused the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid {name} key in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a {name} key, or try the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is kept for this session only; enter it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough balance on {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up your {name} account, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your {name} key cannot use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another model, or enable this one in your {name} account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the prompt or the settings, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}&apos;s content filter refused the prompt or the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the prompt or use another image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} will not accept this image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use another image, or crop or resize it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} needs a public image URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an image URL, or choose an upload route in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} asks us to slow down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not answering properly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is down for maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later; nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has switched this model off for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later, or choose another model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your internet connection or the proxy in Settings, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} may have created (and charged) this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your {name} dashboard before retrying: a retry may be charged again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The generation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the prompt or the image, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} no longer knows this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your {name} dashboard; start a new task if it is not there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has not finished this task yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is checked again on the next start, or resume it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking this task at {name} stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the cause shown below, then resume the task; {name} keeps it meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task needs a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your {name} dashboard, then resume or retry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outcome of this task is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry to start it again as a new task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video&apos;s link expired before it was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate it again (a retry is a new, paid task).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later; the link stays valid for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to the disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space or choose another output folder in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space or choose another output folder, then resume the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This take has no video yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until it has finished, or leave it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was moved, deleted or damaged; leave this take out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no frame at that time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time within the clip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These takes cannot be joined as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join only takes made with the same model and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name template cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put fields in braces: date, prompt (prompt:40 keeps 40 characters), provider, model, n and others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of that name is already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name; nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That task id is too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least 6 characters of the id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task has that id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the id in the task list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several tasks start with that id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give more characters of the id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider said: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} estimate · not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zero} · never sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zero} · {word}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed · {amount} charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed · charge unknown (up to {amount})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled · may be charged (up to {amount})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be charged (up to {amount})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>est. {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zero} not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zero} refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{zero} not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to {amount}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verb} (+ price unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verb} (+{amount})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue from last frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the next clip from this take&apos;s last frame: same provider, model and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send last frame to &amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this take&apos;s last frame in compose&apos;s Start slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send last frame to &amp;End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this take&apos;s last frame in compose&apos;s End slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prompt optimizer on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prompt optimizer off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name template cannot be used: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take {task} has no video on disk (it is {state}); leave it out of the selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video {path} cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of that name is already there; nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Star (keep)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected takes as keepers, or unmark them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the selected takes from the default view, or bring them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play 2 to 4 finished takes in sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy video files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the videos, to paste in a file manager or editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the videos to a folder with readable names, their prompts inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following the selected running takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;use settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this take&apos;s image, prompt and settings in compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grid of takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the takes as tiles instead of a list (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} take(s) {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ready yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n finished: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch finished with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the whole &amp;batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following every unfinished task of this Generate click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n task(s) of the batch cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n unfinished task(s) of this batch will no longer be followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n of them were already sent: {name} may still charge for them, and their videos will not be saved unless you resume them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the whole batch?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following a task {name} already has?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has this task and may still charge for it. If you stop following it, its video will not be saved here. You can resume following it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for a prompt table ({bytes} bytes; at most {limit}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not text: save the sheet as CSV (UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid CSV: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header names no prompt column (columns: {columns}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header names no image column (columns: {columns}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: an image and a prompt are needed; this row has {cells} cell(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: no image is named.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: {image} has an empty prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: {image} is not in the list of images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: {image} names {count} listed images; give its full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: {image} already has a prompt on line {first_line}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %n videos for {amount}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order makes %n paid videos, {amount} in all by the app&apos;s price table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You asked to be asked above ${limit:.2f} (Settings › General).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %n videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate asks first when one click would cost more than this (0: never ask).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChainStrip</name>
    <message>
        <source>Shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(removed take) →</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Continued %n ways: each button is one continuation.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{state} · {prompt}
Task {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the take shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Take {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(press {n} to keep)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare {n} takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space play/pause · ←/→ one frame · L loop · 1–{n} keep that take, reject the others · Esc close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposePanel</name>
    <message>
        <source>Images to animate, each checked against the selected provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose image files (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an image or an image URL (Ctrl+V).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected images (Delete).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove every image from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each image its own prompt, by hand or from a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos per image. 1: one per accepted image. More: that many of each selected image, or of every accepted image when none is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit to the provider (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start and end frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no image, image file or image URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Generate %n videos</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Text to video: no image needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop images or folders here, paste with Ctrl+V, or press Ctrl+O to choose files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This mode makes videos from the prompt alone; the images are not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n refused (select one to see why)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with its own prompt</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>continues a take (its last frame)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Something was repaired at start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} unfinished task(s) wait for a key; they continue once it is entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first {n} images were added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose images to animate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 task sent to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} tasks sent to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {name} key yet: enter one in Settings (Ctrl+,).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} shows no balance through its API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance unavailable: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostBar</name>
    <message>
        <source>From the app&apos;s price table, before anything is sent. The provider&apos;s own bill is final.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your balance with the selected provider, where it reports one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the technical details (no key is ever included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export {n} take(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: {date} {prompt:40} {provider} {model} {mode} {duration} {resolution} {id} {task_id} {remote_id} {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each video is copied without re-encoding, with its prompt in the file&apos;s tags and a .json file beside it that records how it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Hailuo Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Animate your images into short videos with Hailuo models.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The app uses your own key from one of these providers: {names}. The key is kept in your system&apos;s keyring, never in a file.&lt;/p&gt;&lt;p&gt;No key yet? The demo runs the whole flow on a built-in simulator: no account, nothing charged, and the result is a real video of your own image.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrameSlot</name>
    <message>
        <source>Empty this slot (the image stays in the list)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FramesSlots</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the first frame here
(empty: every listed image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the last frame here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The frame the video starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The End frame cannot be sent to %1; see its problems.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Prompt history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search earlier prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} earlier prompts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageListModel</name>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits %1 · checking every pixel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (+%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refused by %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageListView</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join into one video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The takes in playing order: drag one, or use Up and Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The takes are copied without re-encoding, one after the other, with their prompts in the file&apos;s tags and a .json file beside it that lists every take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least two takes: select them in order in the list or the grid, or join a take that continues or is continued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take {n}&apos;s video cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder and a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixel format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take {n} cannot be joined to take 1 by copying: its {what} is {found}, take 1&apos;s is {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encoding is not offered: Hailuo Desktop only copies video and never encodes it, so that it can ship without GPL-licensed encoders. Join takes made with the same model and settings, or re-encode them in a video editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} takes · {seconds:.1f} s in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the joined video in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinFlow</name>
    <message>
        <source>&amp;Join into one video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the selected takes in the order you picked them, or one take&apos;s whole shot, into one video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} takes joined into {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window; applies from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hailuo Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — demo (simulated, nothing is charged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaSupport</name>
    <message>
        <source>Videos cannot play inside the window on this computer: its multimedia libraries are missing ({reason}). Install them (on Debian or Ubuntu: the libpulse0 package), or open the video in your own player.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the video in your own player</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>The API provider that runs and bills the generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Hailuo model generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality tier, and whether the video starts from an image or from text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of each video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution of each video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the provider refine the &amp;prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no end frame at %2: choose another resolution to end on a frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 only animates images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image to video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text to video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s (fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 always makes %2 s videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 always renders at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no resolution setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rewrites the prompt for better results; turn off to send it word for word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no prompt optimizer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Hailuo Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task needs a check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Pre&amp;set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a saved prompt, model, settings and camera moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the prompt, model, settings and camera moves under a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the chosen preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>Describe the motion: what moves, how the camera moves…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt sent with every video of this batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search your earlier prompts (they are also offered as you type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters used and the most this model takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera move</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Insert a camera movement at the cursor. With the cursor in or just after a bracket, the movement is combined into it (at most %n per bracket).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The prompt is %n characters over the limit.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The prompt is 1 character over the limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 combines more than %2 camera movements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A bracket combines at most %n camera movements; move the cursor out of it to start a new one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptFlow</name>
    <message>
        <source>A saved preset could not be read and was left out ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “{name}” applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the preset?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset called “{name}” exists. Replace it with what compose holds now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset “{name}” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the preset (the prompt, model, settings and camera moves are saved):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the preset?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the preset “{name}”? Tasks made with it are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add images first: the table gives each listed image its own prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptTableDialog</name>
    <message>
        <source>Prompts per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give an image its own prompt; an empty cell uses the main prompt. A CSV file with two columns, image and prompt (file name or path), fills the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill from &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total} images have their own prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{taken} prompts taken from the file. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The proxy port is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a proxy URL such as http://host:8080 or socks5://host:1080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask %1 for the balance with this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no balance endpoint, so a key can only be checked by using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app&apos;s own videos folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where finished videos are saved. Empty: the app&apos;s data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the folder for finished videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These providers take an image only as a public URL. For a local image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many tasks run at once; the rest wait in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tasks at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask before sending more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me when a task or a batch finishes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desktop notification, also when the window is hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider has no upload API: a local image needs a public URL, or an upload through another provider with your key there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I will paste public image URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload through kie.ai (uses the kie.ai key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload through Apikley (uses the Apikley key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;system proxy settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prox&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manual proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy is used for the API, uploads and downloads alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for the API, uploads and downloads alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the OS keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the environment variable %1 (it overrides the keyring).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for this session only: no OS keyring is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keyring is available, so keys are kept in memory for this session only. Set the environment variables to keep them across runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for finished videos</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>(demo: a built-in fake key, in memory only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key to test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key works. {balance}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No OS keyring: the proxy password is kept until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The output folder, proxy, concurrency and language apply from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShotFlow</name>
    <message>
        <source>Continuing “{prompt}”: describe the next clip and press Generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has no model that takes a last frame: choose kie.ai, Apikley or MiniMax (Hailuo 02).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A slot holds one image: {name} was used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeGrid</name>
    <message>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <source>No application could open {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry a task that may have been charged?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider may already have created this task. Check its dashboard first: a retry is a new task and is charged again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a running task?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task is still running: removing it stops following it, and a video the provider makes will not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit while tasks are running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} task(s) are still running or saving their video. They continue when you open the app again, as long as the provider still holds the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <source>Made from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created · finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the technical details, to send to the provider or to us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the video in your player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder that holds the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the full prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reuse settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this prompt and these settings in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new task with the same settings (charged again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop following this task (a task already sent may still be charged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from the list (the video file stays) · Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the next clip from this take&apos;s last frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to see its video and details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video appears here when the task is done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{elapsed} · ~{left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{elapsed} · any moment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskListPanel</name>
    <message>
        <source>Show only tasks in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search prompts (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tasks yet.
Drop images on the left, write a prompt and press Generate (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task matches this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done}/{total} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running batch: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running batches: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Play or pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One frame back (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One frame forward (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrub through the clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play again from the start at the end (L)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideoPlayer</name>
    <message>
        <source>Sound off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the clip&apos;s sound (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the video on the whole screen (F; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unstarred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected (hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select 2 to 4 finished takes to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing videos needs Qt Multimedia, which is missing on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} video file(s) copied: paste them in a file manager or an editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finished video among the selected takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} take(s) exported to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Paste your %1 key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or set %1 in the environment; it overrides the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store this key in the OS keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the stored key for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
